package io.kubelab.shell;

import io.kubelab.shell.BashCases.Case;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** jq filters students use on kubectl output: expected text from jq 1.6 on the same document. */
class JqTest {

    /** A small kubectl-like list, written to j.json before each row. */
    private static final String DOCUMENT = "echo '{\"items\":[{\"metadata\":{\"name\":\"web-1\",\"labels\":"
            + "{\"app\":\"web\"}},\"status\":{\"phase\":\"Running\"},\"n\":1},{\"metadata\":{\"name\":\"db-0\"},"
            + "\"status\":{\"phase\":\"Pending\"},\"n\":2.5}],\"e\":[],\"o\":{}}' > j.json";

    private static final List<Case> CASES = List.of(
                new Case("jq . j.json",
                        "{\n  \"items\": [\n    {\n      \"metadata\": {\n        \"name\": \"web-1\",\n        \"labels\": {\n          \"app\": \"web\"\n        }\n      },\n      \"status\": {\n        \"phase\": \"Running\"\n      },\n      \"n\": 1\n    },\n    {\n      \"metadata\": {\n        \"name\": \"db-0\"\n      },\n      \"status\": {\n        \"phase\": \"Pending\"\n      },\n      \"n\": 2.5\n    }\n  ],\n  \"e\": [],\n  \"o\": {}\n}\n", "", 0),
                new Case("jq -c . j.json",
                        "{\"items\":[{\"metadata\":{\"name\":\"web-1\",\"labels\":{\"app\":\"web\"}},\"status\":{\"phase\":\"Running\"},\"n\":1},{\"metadata\":{\"name\":\"db-0\"},\"status\":{\"phase\":\"Pending\"},\"n\":2.5}],\"e\":[],\"o\":{}}\n", "", 0),
                new Case("jq '.items[0].metadata.name' j.json",
                        "\"web-1\"\n", "", 0),
                new Case("jq -r '.items[].metadata.name' j.json",
                        "web-1\ndb-0\n", "", 0),
                new Case("jq -c '.items[] | {name: .metadata.name, phase: .status.phase}' j.json",
                        "{\"name\":\"web-1\",\"phase\":\"Running\"}\n{\"name\":\"db-0\",\"phase\":\"Pending\"}\n", "", 0),
                new Case("jq '.items | length' j.json",
                        "2\n", "", 0),
                new Case("jq -r '.items[] | select(.status.phase == \"Running\") | .metadata.name' j.json",
                        "web-1\n", "", 0),
                new Case("jq -r '.items[] | \"\\(.metadata.name) is \\(.status.phase)\"' j.json",
                        "web-1 is Running\ndb-0 is Pending\n", "", 0),
                new Case("jq '[.items[].n] | add' j.json",
                        "3.5\n", "", 0),
                new Case("jq 'keys' j.json",
                        "[\n  \"e\",\n  \"items\",\n  \"o\"\n]\n", "", 0),
                new Case("jq -c 'map(.)' <<< '[1,2]'",
                        "[1,2]\n", "", 0),
                new Case("jq -c '.items | map(.metadata.name)' j.json",
                        "[\"web-1\",\"db-0\"]\n", "", 0),
                new Case("jq '.items[0].metadata.labels | to_entries' j.json",
                        "[\n  {\n    \"key\": \"app\",\n    \"value\": \"web\"\n  }\n]\n", "", 0),
                new Case("jq '.foo.bar' j.json",
                        "null\n", "", 0),
                new Case("jq '.items.foo' j.json",
                        "", "jq: error (at j.json:1): Cannot index array with string \"foo\"\n", 5),
                new Case("jq '.items[' j.json",
                        "", "jq: error: syntax error, unexpected $end (Unix shell quoting issues?) at <top-level>, line 1:\n.items[      \njq: 1 compile error\n", 3),
                new Case("echo '{a' | jq .",
                        "", "parse error: Invalid numeric literal at line 2, column 0\n", 4),
                new Case("jq -r '.items[] | [.metadata.name, .n] | @tsv' j.json",
                        "web-1\t1\ndb-0\t2.5\n", "", 0),
                new Case("jq -r '.items[] | [.metadata.name, .n] | @csv' j.json",
                        "\"web-1\",1\n\"db-0\",2.5\n", "", 0),
                new Case("jq -c '.items[0] | del(.status)' j.json",
                        "{\"metadata\":{\"name\":\"web-1\",\"labels\":{\"app\":\"web\"}},\"n\":1}\n", "", 0),
                new Case("jq -c '.items[0].metadata.labels.tier = \"front\" | .items[0].metadata.labels' j.json",
                        "{\"app\":\"web\",\"tier\":\"front\"}\n", "", 0),
                new Case("jq -c '.items | sort_by(.metadata.name) | .[].metadata.name' j.json",
                        "\"db-0\"\n\"web-1\"\n", "", 0),
                new Case("jq '.items[] | .n * 2' j.json",
                        "2\n5\n", "", 0),
                new Case("jq -c '[.items[] | .metadata.labels // {}]' j.json",
                        "[{\"app\":\"web\"},{}]\n", "", 0),
                new Case("jq -c 'if .e == [] then \"empty\" else \"full\" end' j.json",
                        "\"empty\"\n", "", 0),
                new Case("jq '[1e16, 1e15, 1.5e-7, 0.1, 3.0, 12345678901234567890]' -c <<< 'null'",
                        "[1e+16,1000000000000000,1.5e-07,0.1,3,12345678901234567000]\n", "", 0),
                new Case("jq -n '\"a\" + 1'",
                        "", "jq: error (at <unknown>): string (\"a\") and number (1) cannot be added\n", 5),
                new Case("jq -n '[range(3)] | join(\",\")'",
                        "\"0,1,2\"\n", "", 0),
                new Case("jq -rn '\"aGk=\" | @base64d'",
                        "hi\n", "", 0),
                new Case("jq -n '{a:1} | has(\"a\"), has(\"b\")'",
                        "true\nfalse\n", "", 0),
                new Case("jq -c '.items[] | select(.metadata.name | test(\"^web\"))| .metadata' j.json",
                        "{\"name\":\"web-1\",\"labels\":{\"app\":\"web\"}}\n", "", 0),
                new Case("jq -e '.e | length > 0' j.json",
                        "false\n", "", 1),
                new Case("jq -n 'reduce (1,2,3) as $x (0; . + $x)'",
                        "6\n", "", 0),
                new Case("jq --arg n db-0 '.items[] | select(.metadata.name == $n) | .n' j.json",
                        "2.5\n", "", 0),
                new Case("jq -c '.items | group_by(.status.phase) | map(length)' j.json",
                        "[1,1]\n", "", 0),
                new Case("jq '.items[1:] | length' j.json",
                        "1\n", "", 0),
                new Case("jq -r '.items[0].metadata | keys[]' j.json",
                        "labels\nname\n", "", 0),
                new Case("jq -c 'with_entries(select(.key != \"items\"))' j.json",
                        "{\"e\":[],\"o\":{}}\n", "", 0),
                new Case("jq '\"é\\u0001 \\\"q\\\"\"' <<< 'null'",
                        "\"é\\u0001 \\\"q\\\"\"\n", "", 0),
                new Case("jq nosuchfn j.json",
                        "", "jq: error: nosuchfn/0 is not defined at <top-level>, line 1:\nnosuchfn\njq: 1 compile error\n", 3),
                new Case("jq -c '.items[] | .metadata.labels.app?' j.json",
                        "\"web\"\nnull\n", "", 0),
                new Case("jq '.[] | .x' <<< '[1]'",
                        "", "jq: error (at <stdin>:1): Cannot index number with string \"x\"\n", 5)
    );

    @Test
    void filtersPrintWhatJqPrints() {
        List<String> failures = new ArrayList<>();
        for (Case c : CASES) {
            Shell shell = BashCases.prepared();
            assertEquals(0, shell.execute(DOCUMENT).exitCode());
            CommandResult r = shell.execute(c.line());
            CommandResult want = new CommandResult(c.stdout(), c.stderr(), c.exit());
            if (!want.equals(r)) {
                failures.add(c.line() + "\n  want " + want + "\n  got  " + r);
            }
        }
        assertEquals("", String.join("\n", failures));
    }
}
