package io.kubelab.apiserver.validation;

import io.kubelab.apiserver.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.kubelab.apiserver.validation.Objects.cause;
import static io.kubelab.apiserver.validation.Objects.json;
import static io.kubelab.apiserver.validation.Objects.merge;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Deployments, ReplicaSets, DaemonSets, StatefulSets, Jobs and CronJobs. */
class WorkloadValidationTest {

    private static final String JOB = "{'apiVersion':'batch/v1','kind':'Job','metadata':{'name':'pi','namespace':'default',"
            + "'resourceVersion':'3'},'spec':{'backoffLimit':6,'selector':{'matchLabels':{'batch.kubernetes.io/controller-uid':'u1'}},"
            + "'template':{'metadata':{'labels':{'batch.kubernetes.io/controller-uid':'u1'}},'spec':{'containers':[{'name':'pi',"
            + "'image':'perl','imagePullPolicy':'Always','terminationMessagePolicy':'File'}],'restartPolicy':'Never',"
            + "'dnsPolicy':'ClusterFirst'}}}}";
    private static final String CRONJOB = "{'apiVersion':'batch/v1','kind':'CronJob','metadata':{'name':'tick','namespace':'default'},"
            + "'spec':{'schedule':'*/5 * * * *','concurrencyPolicy':'Allow','jobTemplate':{'spec':{'template':{'spec':{"
            + "'containers':[{'name':'c','image':'busybox','imagePullPolicy':'Always','terminationMessagePolicy':'File'}],"
            + "'restartPolicy':'OnFailure','dnsPolicy':'ClusterFirst'}}}}}}";

    static Stream<Arguments> creates() {
        return Stream.of(
                Arguments.of("valid deployment", Objects.DEPLOYMENT, "{}", List.of()),
                Arguments.of("selector required", Objects.DEPLOYMENT, "{'spec':{'selector':null}}", List.of(
                        cause("FieldValueRequired", "spec.selector", "Required value"),
                        cause("FieldValueInvalid", "spec.template.metadata.labels", "Invalid value: map[string]string{\"app\":\"web\"}: "
                                + "`selector` does not match template `labels`"))),
                Arguments.of("selector must match labels", Objects.DEPLOYMENT, "{'spec':{'selector':{'matchLabels':{'app':'x'}}}}",
                        List.of(cause("FieldValueInvalid", "spec.template.metadata.labels", "Invalid value: "
                                + "map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"))),
                Arguments.of("replicas not negative", Objects.DEPLOYMENT, "{'spec':{'replicas':-1}}", List.of(cause("FieldValueInvalid",
                        "spec.replicas", "Invalid value: -1: must be greater than or equal to 0"))),
                Arguments.of("template restartPolicy Always", Objects.DEPLOYMENT, "{'spec':{'template':{'spec':{'restartPolicy':'Never'}}}}",
                        List.of(cause("FieldValueNotSupported", "spec.template.spec.restartPolicy",
                                "Unsupported value: \"Never\": supported values: \"Always\""))),
                Arguments.of("template labels are checked at template.labels", Objects.DEPLOYMENT,
                        "{'spec':{'selector':{'matchLabels':{'app':'-x'}},'template':{'metadata':{'labels':{'app':'-x'}}}}}", List.of(
                        cause("FieldValueInvalid", "spec.selector.matchLabels", "Invalid value: \"-x\": a valid label must be an empty "
                                + "string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                                + "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                                + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
                        cause("FieldValueInvalid", "spec.template.labels", "Invalid value: \"-x\": a valid label must be an empty "
                                + "string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                                + "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                                + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"))),
                Arguments.of("strategy type", Objects.DEPLOYMENT, "{'spec':{'strategy':{'type':'Canary','rollingUpdate':null}}}",
                        List.of(cause("FieldValueNotSupported", "spec.strategy", "Unsupported value: apps.DeploymentStrategy{Type:\"Canary\", "
                                + "RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: \"Recreate\", \"RollingUpdate\""))),
                Arguments.of("maxUnavailable and maxSurge both 0", Objects.DEPLOYMENT,
                        "{'spec':{'strategy':{'rollingUpdate':{'maxUnavailable':0,'maxSurge':0}}}}", List.of(cause("FieldValueInvalid",
                        "spec.strategy.rollingUpdate.maxUnavailable", "Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: "
                                + "may not be 0 when `maxSurge` is 0"))),
                Arguments.of("valid job", JOB, "{}", List.of()),
                Arguments.of("job restartPolicy", JOB, "{'spec':{'template':{'spec':{'restartPolicy':'Always'}}}}", List.of(
                        cause("FieldValueNotSupported", "spec.template.spec.restartPolicy",
                                "Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\""))),
                Arguments.of("valid cronjob", CRONJOB, "{}", List.of()),
                Arguments.of("cron schedule", CRONJOB, "{'spec':{'schedule':'61 * * * *'}}", List.of(cause("FieldValueInvalid",
                        "spec.schedule", "Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61"))),
                Arguments.of("cronjob template restartPolicy", CRONJOB,
                        "{'spec':{'jobTemplate':{'spec':{'template':{'spec':{'restartPolicy':'Always'}}}}}}", List.of(cause(
                                "FieldValueNotSupported", "spec.jobTemplate.spec.template.spec.restartPolicy",
                                "Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void create(String rule, String base, String patch, List<Status.Cause> expected) {
        assertEquals(expected, Validation.validateCreate(merge(json(base), patch)));
    }

    @Test
    void deploymentSelectorIsImmutable() {
        List<Status.Cause> causes = Validation.validateUpdate(merge(json(Objects.DEPLOYMENT),
                "{'spec':{'selector':{'matchLabels':{'app':'web','tier':'a'}},'template':{'metadata':{'labels':{'tier':'a'}}}}}"),
                json(Objects.DEPLOYMENT));
        assertEquals(List.of(cause("FieldValueInvalid", "spec.selector", "Invalid value: v1.LabelSelector{MatchLabels:"
                + "map[string]string{\"app\":\"web\", \"tier\":\"a\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                + "field is immutable")), causes);
        assertEquals("Deployment.apps \"web\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
                + "map[string]string{\"app\":\"web\", \"tier\":\"a\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                + "field is immutable", Status.invalid("apps", "Deployment", "web", causes).message());
    }

    @Test
    void replicaSetTemplateMismatchAndRestartPolicyTogether() {
        String rs = Objects.DEPLOYMENT.replace("'Deployment'", "'ReplicaSet'");
        List<Status.Cause> causes = Validation.validateCreate(merge(json(rs),
                "{'spec':{'strategy':null,'revisionHistoryLimit':null,'progressDeadlineSeconds':null,"
                        + "'selector':{'matchLabels':{'app':'x'}},'template':{'spec':{'restartPolicy':'OnFailure'}}}}"));
        assertEquals("ReplicaSet.apps \"web\" is invalid: [spec.template.metadata.labels: Invalid value: "
                + "map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`, "
                + "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"]",
                Status.invalid("apps", "ReplicaSet", "web", causes).message());
    }
}
