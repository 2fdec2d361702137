#!/usr/bin/env bash
# Regenerates the explain goldens from the REAL kubectl 1.32, reading our OpenAPI v3 documents from the stub
# server. Run from backend/:
#   mvn -o -q -B test -Dtest=ExplainGoldenTest -Dkubelab.openapi.dump=/tmp/explain/objs   (writes the documents)
#   python3 /work/wt/oracle/kube-stub.py /tmp/explain/objs 18600 &
#   bash src/test/resources/golden/kubectl/explain/regenerate.sh
set -u
K=${K:-$(dirname "$(readlink -f /usr/bin/kubectl)")/kubectl.1.32}
SERVER=${SERVER:-http://127.0.0.1:18600}
DIR=$(dirname "$0")
CACHE=$(mktemp -d)
run() { # name, then kubectl explain arguments
  local name=$1; shift
  local out err code
  out=$(mktemp); err=$(mktemp)
  "$K" --server="$SERVER" --cache-dir "$CACHE" explain "$@" >"$out" 2>"$err"; code=$?
  { printf 'exit: %s\n--- stdout\n' "$code"; cat "$out"; printf -- '--- stderr\n'; cat "$err"; } >"$DIR/$name.txt"
  rm -f "$out" "$err"
}
run pods pods
run pods.spec pods.spec
run pods.spec.containers.resources pods.spec.containers.resources
run po.metadata.labels po.metadata.labels
run deploy.spec.strategy deploy.spec.strategy
run deployments.apps.spec.replicas deployments.apps.spec.replicas
run deployment-api-version deployment --api-version=apps/v1
run svc svc
run svc.spec.ports.targetPort svc.spec.ports.targetPort
run cronjob.spec.jobTemplate cronjob.spec.jobTemplate
run recursive-strategy deploy.spec.strategy --recursive
run recursive-probe pod.spec.containers.livenessProbe --recursive
run configmap configmap
run hpa.spec.metrics hpa.spec.metrics
run events events
run ev.events.k8s.io events.events.k8s.io
run limits-resources pods.spec.containers.resources.limits
run no-such-field pods.spec.foo
run no-such-nested-field pods.foo.bar
run no-such-resource foo
run no-such-api-version deployment --api-version=apps/v2
run containers.ports pods.spec.containers.ports
run creationTimestamp pods.metadata.creationTimestamp
run field-under-scalar svc.spec.ports.port.foo
run deployments.apps deployments.apps
run trailing-dot deployment.
run api-version-v1-deploy deploy --api-version=v1
run kind-word Pod.spec.os
run case-sensitive-field pod.Spec
run recursive-nodes nodes --recursive
run tokenreviews tokenreviews
run ev ev
run rolebinding.subjects rolebinding.subjects
run ingress-backend ingress.spec.rules.http.paths.backend
run deep-limits cj.spec.jobTemplate.spec.template.spec.containers.resources.limits
run apiservices apiservices
run lease.renewTime leases.spec.renewTime
run probe-port pods.spec.containers.livenessProbe.httpGet.port
run recursive-hpa hpa --recursive
run labels-value pods.metadata.labels.foo
run index-in-path 'pods.spec.containers[0]'
run index-on-resource 'pods[0]'
run double-dot 'pods..spec'
run dict-key 'pods['\''spec'\''].os'
run uppercase-resource 'PODS.spec.os'
run api-version-group-only 'deploy' --api-version=apps
run api-version-three-parts 'deploy' --api-version=a/b/c
run api-version-index 'deploy.spec[0]' --api-version=apps/v1
run ambiguous-short-name-error 'ev.foo'
run unclosed-array 'pods.spec['
run bad-character 'pods.spec!x'
run run-no-arguments
run run-two-arguments pods svc
run run-unknown-format pods --output=foo
run run-unknown-format-and-resource foo --output=foo
run run-unknown-format-and-version pods.spec --output=foo
run run-openapiv2 pods --output=plaintext-openapiv2
run run-openapiv2-unknown-resource foo --output=plaintext-openapiv2
run run-plaintext pods.spec.os --output=plaintext
rm -rf "$CACHE"
