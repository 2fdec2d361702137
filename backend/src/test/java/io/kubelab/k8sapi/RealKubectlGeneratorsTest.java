package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl create <generator>}: kubectl 1.32 posts these objects as Kubernetes protobuf, which our API
 * answers with 415 until the protobuf decoder (issue 6) is merged. Then every line here must answer as our
 * terminal does and leave the same object.
 */
class RealKubectlGeneratorsTest {

    private static TwinHarnesses twins;
    private static RealKubectl kubectl;

    @BeforeAll
    static void start() {
        kubectl = RealKubectl.version(32);
        twins = new TwinHarnesses();
    }

    @AfterAll
    static void stop() {
        if (twins != null) {
            twins.close();
        }
    }

    @Test
    void generatorsMatchTheTerminal() {
        twins.differential(kubectl)
                .same("create deployment gen --image=nginx --replicas=2 --port=80")
                .sameObjects("get deploy gen -o yaml")
                .same("create deployment gen --image=nginx")
                .same("create configmap gen --from-literal=a=1 --from-literal=b=two")
                .sameObjects("get cm gen -o yaml")
                .same("create secret generic gen --from-literal=password=s3cr3t")
                .sameObjects("get secret gen -o yaml")
                .same("create secret docker-registry reg --docker-server=r.example.com --docker-username=u --docker-password=p")
                .same("create namespace gen")
                .same("create serviceaccount gen")
                .same("create service clusterip gen --tcp=80:8080")
                .same("create service nodeport gen-np --tcp=80:8080 --node-port=30080")
                .sameObjects("get svc gen gen-np -o yaml")
                .same("create job gen --image=busybox -- echo hi")
                .same("create cronjob gen --image=busybox --schedule='*/5 * * * *' -- echo hi")
                .same("create role gen --verb=get,list --resource=pods")
                .same("create rolebinding gen --role=gen --serviceaccount=default:gen")
                .same("create clusterrole gen --verb=get --resource=nodes")
                .same("create clusterrolebinding gen --clusterrole=gen --user=alice")
                .same("create quota gen --hard=pods=10,cpu=4")
                .same("create pdb gen --selector=app=gen --min-available=1")
                .same("create priorityclass gen --value=1000 --description=test")
                .same("create ingress gen --rule=example.com/*=gen:80")
                .same("create deployment dry --image=nginx --dry-run=server -o yaml")
                .same("create token gen")
                .sameObjects("get role,rolebinding,quota,pdb,ingress gen -o yaml")
                .assertNone();
    }
}
