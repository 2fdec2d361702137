package io.kubelab.kubectl.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pflag's parsing, with the messages checked against kubectl 1.32. */
class FlagSetTest {

    private final FlagSet flags = new FlagSet()
            .add(Flag.string("namespace", "n", "", "ns"))
            .add(Flag.string("output", "o", "", "format"))
            .add(Flag.bool("stdin", "i", false, "stdin"))
            .add(Flag.bool("tty", "t", false, "tty"))
            .add(Flag.int32("replicas", "r", 1, "replicas"))
            .add(Flag.integer("port", "", -1, "port"))
            .add(Flag.stringArray("env", "", "env"))
            .add(Flag.stringSlice("label-columns", "L", "columns"))
            .add(Flag.duration("timeout", "", "30s", "timeout"));

    private ParsedFlags parse(String... args) throws FlagError {
        return flags.parse(List.of(args));
    }

    @Test
    void longAndShortFormsInterspersedWithArguments() throws FlagError {
        ParsedFlags p = parse("get", "-n", "dev", "pods", "--output=yaml", "-it", "web", "-r3", "--port", "80");
        assertEquals(List.of("get", "pods", "web"), p.args());
        assertEquals("dev", p.string("namespace"));
        assertEquals("yaml", p.string("output"));
        assertTrue(p.bool("stdin"));
        assertTrue(p.bool("tty"));
        assertEquals(3, p.integer("replicas"));
        assertEquals(80, p.integer("port"));
        assertEquals(-1, p.argsLenAtDash());
    }

    @Test
    void defaultsLastValueWinsAndRepeatableFlags() throws FlagError {
        ParsedFlags p = parse("-o=json", "-o", "name", "--env", "A=1,2", "--env=B=2", "-L", "app,tier", "-Lx");
        assertEquals("name", p.string("output"));
        assertEquals(List.of("A=1,2", "B=2"), p.strings("env"));
        assertEquals(List.of("app", "tier", "x"), p.strings("label-columns"));
        assertEquals("", p.string("namespace"));
        assertFalse(p.changed("namespace"));
        assertEquals(java.time.Duration.ofSeconds(30), p.duration("timeout"));
        assertFalse(p.bool("stdin"));
    }

    @Test
    void doubleDashEndsTheFlags() throws FlagError {
        ParsedFlags p = parse("nginx", "--output=yaml", "--", "sh", "-c", "echo --hi");
        assertEquals(List.of("nginx", "sh", "-c", "echo --hi"), p.args());
        assertEquals(1, p.argsLenAtDash());
    }

    @Test
    void boolFlagsTakeExplicitValuesOnlyWithEquals() throws FlagError {
        ParsedFlags p = parse("--stdin=false", "-t=true", "x");
        assertFalse(p.bool("stdin"));
        assertTrue(p.bool("tty"));
        assertEquals(List.of("x"), p.args());
    }

    @Test
    void helpIsAFlagOfEveryCommand() throws FlagError {
        assertTrue(parse("pods", "-h").helpRequested());
        assertTrue(parse("--help").helpRequested());
        assertFalse(parse("pods").helpRequested());
    }

    @Test
    void errorsInPflagsWords() {
        String[][] cases = {
                {"unknown flag: --foo", "--foo"},
                {"unknown shorthand flag: 'x' in -x", "-x"},
                {"unknown shorthand flag: 'x' in -xi", "-ixi"},
                {"flag needs an argument: 'n' in -n", "-n"},
                {"flag needs an argument: --output", "--output"},
                {"bad flag syntax: ---x", "---x"},
                {"invalid argument \"abc\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax",
                        "--replicas=abc"},
                {"invalid argument \"9999999999\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"9999999999\": value out of range",
                        "-r", "9999999999"},
                {"invalid argument \"x\" for \"--port\" flag: strconv.ParseInt: parsing \"x\": invalid syntax", "--port=x"},
                {"invalid argument \"maybe\" for \"-i, --stdin\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax",
                        "--stdin=maybe"},
                {"unknown flag: --foo", "--foo", "--help"},
        };
        for (String[] c : cases) {
            FlagError e = assertThrows(FlagError.class, () -> parse(java.util.Arrays.copyOfRange(c, 1, c.length)));
            assertEquals(c[0], e.getMessage());
        }
    }
}
