package io.kubelab.kubectl;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors and escapes found in review, each checked against what kubectl 1.32 prints. */
class ReviewFixesTest {

    private static Shell shell;

    @BeforeAll
    static void cluster() {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 1);
        shell = new Shell(cluster);
        shell.execute("kubectl run p1 --image=nginx");
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
    }

    private static void check(String line, String stdout, String stderr, int exitCode) {
        CommandResult r = shell.execute(line);
        assertEquals(stdout, r.stdout(), line);
        assertEquals(stderr, r.stderr(), line);
        assertEquals(exitCode, r.exitCode(), line);
    }

    @Test
    void missingArgumentsAreKubectlsPlainErrors() {
        check("kubectl describe", "", "error: You must specify the type of resource to describe. Use \"kubectl api-resources\" "
                + "for a complete list of supported resources.\n", 1);
        check("kubectl rollout status", "", "error: required resource not specified\n", 1);
        check("kubectl rollout undo", "", "error: required resource not specified\n", 1);
        check("kubectl exec", "", "error: pod, type/name or --filename must be specified\n", 1);
        check("kubectl exec -- ls", "", "error: pod, type/name or --filename must be specified\n", 1);
        check("kubectl exec p1", "", "error: you must specify at least one command for the container\n", 1);
        check("kubectl exec p1 --", "", "error: you must specify at least one command for the container\n", 1);
        check("kubectl exec p1 echo hi", "", "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] "
                + "instead\nSee 'kubectl exec -h' for help and examples\n", 1);
    }

    @Test
    void execIgnoresExtraArgumentsBeforeTheDash() {
        check("kubectl exec p1 x -- echo hi", "hi\n", "", 0);
    }

    @Test
    void getContextsPrintsTheFoundOnesThenTheMissing() {
        String header = "CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n";
        check("kubectl config get-contexts nope", header, "error: context nope not found\n", 1);
        check("kubectl config get-contexts a b", header, "context a not found\ncontext b not found\n", 1);
        check("kubectl config get-contexts -o name a kubernetes-admin@kubernetes", "kubernetes-admin@kubernetes\n",
                "error: context a not found\n", 1);
    }

    @Test
    void eventsForAnUnknownTypeIsTheMappersMessage() {
        check("kubectl events --for=foo/bar", "", "the server doesn't have a resource type \"foo\"\n", 1);
        check("kubectl events --for=/p1", "", "error: a resource must be present, got: /, Resource=\n", 1);
    }

    @Test
    void aBadSelectorNamesTheResourceAndTheSelectors() {
        check("kubectl get pods -l 'app in (web'", "", "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" "
                + "that match label selector \"app in (web\", field selector \"\": unable to parse requirement: found '', "
                + "expected: ',' or ')'\n", 1);
        check("kubectl get deploy --field-selector=foo", "", "Error from server (BadRequest): Unable to find "
                + "\"apps/v1, Resource=deployments\" that match label selector \"\", field selector \"foo\": invalid selector: "
                + "'foo'; can't understand 'foo'\n", 1);
        check("kubectl describe pods -l 'app in (web'", "", "Error from server (BadRequest): Unable to find "
                + "\"/v1, Resource=pods\" that match label selector \"app in (web\", field selector \"\": unable to parse "
                + "requirement: found '', expected: ',' or ')'\n", 1);
    }

    @Test
    void eventsEscapeTheTerminal() {
        shell.execute("printf 'apiVersion: v1\\nkind: Event\\nmetadata:\\n  name: ev1\\n  namespace: hostile\\ninvolvedObject:\\n"
                + "  kind: Pod\\n  name: p2\\n  namespace: hostile\\nreason: \"Bad\\\\e[2J\"\\nmessage: \"hello\\\\e[31m world\\\\rX\"\\n"
                + "type: Normal\\n' > ev.yaml");
        shell.execute("kubectl create ns hostile");
        assertEquals(0, shell.execute("kubectl create -f ev.yaml").exitCode());
        check("kubectl events -n hostile", """
                LAST SEEN   TYPE     REASON     OBJECT   MESSAGE
                <unknown>   Normal   Bad^[[2J   Pod/p2   hello^[[31m world...
                """, "", 0);
        check("kubectl get events -n hostile", """
                LAST SEEN   TYPE     REASON     OBJECT   MESSAGE
                <unknown>   Normal   Bad^[[2J   pod/p2   hello^[[31m world...
                """, "", 0);
    }

    @Test
    void portForwardHelpShowsTheAddressDefault() {
        String help = shell.execute("kubectl port-forward --help").stdout();
        assertTrue(help.contains("\n    --address=[localhost]:\n"), help);
    }

    @Test
    void anEmptyTypeInACommaListIsUnknown() {
        check("kubectl get pods,", "", "error: the server doesn't have a resource type \"\"\n", 1);
        check("kubectl get ,pods", "", "error: the server doesn't have a resource type \"\"\n", 1);
        check("kubectl describe pods,,svc", "", "error: the server doesn't have a resource type \"\"\n", 1);
    }

    @Test
    void topWithSeveralNamesShowsItsUse() {
        check("kubectl top pod --sort-by=foo a b", "", "error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n", 1);
        check("kubectl top node a b", "", "error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples\n", 1);
    }

    @Test
    void clientDryRunJsonKeepsTheStructOrder() {
        check("kubectl create deployment web --image=nginx --replicas=2 --dry-run=client -o json", """
                {
                    "kind": "Deployment",
                    "apiVersion": "apps/v1",
                    "metadata": {
                        "name": "web",
                        "creationTimestamp": null,
                        "labels": {
                            "app": "web"
                        }
                    },
                    "spec": {
                        "replicas": 2,
                        "selector": {
                            "matchLabels": {
                                "app": "web"
                            }
                        },
                        "template": {
                            "metadata": {
                                "creationTimestamp": null,
                                "labels": {
                                    "app": "web"
                                }
                            },
                            "spec": {
                                "containers": [
                                    {
                                        "name": "nginx",
                                        "image": "nginx",
                                        "resources": {}
                                    }
                                ]
                            }
                        },
                        "strategy": {}
                    },
                    "status": {}
                }
                """, "", 0);
        check("kubectl run p --image=nginx --port=80 --dry-run=client -o json", """
                {
                    "kind": "Pod",
                    "apiVersion": "v1",
                    "metadata": {
                        "name": "p",
                        "creationTimestamp": null,
                        "labels": {
                            "run": "p"
                        }
                    },
                    "spec": {
                        "containers": [
                            {
                                "name": "p",
                                "image": "nginx",
                                "ports": [
                                    {
                                        "containerPort": 80
                                    }
                                ],
                                "resources": {}
                            }
                        ],
                        "restartPolicy": "Always",
                        "dnsPolicy": "ClusterFirst"
                    },
                    "status": {}
                }
                """, "", 0);
    }

    @Test
    void portsOutOfRangeAreClientGosErrors() {
        check("kubectl port-forward p1 8080:99999999999", "",
                "error: error parsing remote port '99999999999': strconv.ParseUint: parsing \"99999999999\": value out of range\n", 1);
        check("kubectl port-forward p1 99999:80", "",
                "error: error parsing local port '99999': strconv.ParseUint: parsing \"99999\": value out of range\n", 1);
        check("kubectl port-forward p1 x8:80", "",
                "error: error parsing local port 'x8': strconv.ParseUint: parsing \"x8\": invalid syntax\n", 1);
        check("kubectl port-forward p1 0", "", "error: remote port must be > 0\n", 1);
        check("kubectl port-forward p1 00080:80", "Forwarding from 127.0.0.1:00080 -> 80\nForwarding from [::1]:00080 -> 80\n", "", 0);
    }

    @Test
    void aPdbCountPastInt32StaysAString() {
        String big = shell.execute("kubectl create pdb p --selector=a=b --min-available=99999999999 --dry-run=client -o yaml").stdout();
        assertTrue(big.contains("\n  minAvailable: \"99999999999\"\n"), big);
        String max = shell.execute("kubectl create pdb p --selector=a=b --min-available=2147483647 --dry-run=client -o yaml").stdout();
        assertTrue(max.contains("\n  minAvailable: 2147483647\n"), max);
    }
}
