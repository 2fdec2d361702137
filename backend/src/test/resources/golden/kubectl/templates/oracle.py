#!/usr/bin/env python3
"""Regenerates cases.json from the real kubectl 1.32 (the oracle): python3 oracle.py [PORT]

Serves objects/*.json through /work/wt/oracle/kube-stub.py, runs `kubectl get ... -o jsonpath=/go-template=
[--sort-by=...]` for every case below and stores the exact stdout, stderr and exit code next to the case.
TemplateGoldenTest replays each case through our JsonPath / GoTemplate / SortBy and compares byte for byte.
"""
import json, os, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 18300
K = os.path.join(os.path.dirname(os.path.realpath('/usr/bin/kubectl')), 'kubectl.1.32')
STUB = '/work/wt/oracle/kube-stub.py'

# resource word, namespace -> (objects file, URL path of the collection, apiVersion, kind)
RESOURCES = {
    ('pods', 'default'): ('pods-default.json', 'api/v1/namespaces/default/pods', 'v1', 'Pod'),
    ('pods', 'kube-system'): ('pods-kube-system.json', 'api/v1/namespaces/kube-system/pods', 'v1', 'Pod'),
    ('pods', 'lab'): ('lab-pods.json', 'api/v1/namespaces/lab/pods', 'v1', 'Pod'),
    ('nodes', ''): ('nodes.json', 'api/v1/nodes', 'v1', 'Node'),
    ('deployments', 'default'): ('deployments-default.json', 'apis/apps/v1/namespaces/default/deployments', 'apps/v1', 'Deployment'),
    ('services', 'default'): ('services-default.json', 'api/v1/namespaces/default/services', 'v1', 'Service'),
    ('secrets', 'lab'): ('lab-secrets.json', 'api/v1/namespaces/lab/secrets', 'v1', 'Secret'),
    ('pods', 'many'): ('many-pods.json', 'api/v1/namespaces/many/pods', 'v1', 'Pod'),
    ('pods', 'docs'): ('docs-pod.json', 'api/v1/namespaces/docs/pods', 'v1', 'Pod'),
}

J, G = 'jsonpath=', 'go-template='
RANGE_NAMES = '{range .items[*]}{.metadata.name}{"\\n"}{end}'


def c(id, output, resource='pods', ns='default', names=None, sort=None, strict=False):
    return {'id': id, 'resource': resource, 'namespace': ns, 'names': names or [], 'output': output,
            'sortBy': sort, 'allowMissingKeys': not strict}


CASES = [
    # ---- JSONPath: kubectl quick reference and the JSONPath support page
    c('qr-pod-ip', J + '{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'),
    c('qr-labels-version', J + '{.items[*].metadata.labels.version}'),
    c('qr-images', J + '{.items[*].spec.containers[*].image}'),
    c('qr-node-internal-ip', J + '{.items[*].status.addresses[?(@.type=="InternalIP")].address}', 'nodes', ''),
    c('qr-ready-nodes', J + '{range .items[*]}{@.metadata.name}:{range @.status.conditions[*]}{@.type}={@.status};{end}{end}', 'nodes', ''),
    c('qr-node-cpu', J + '{range .items[*]}{.metadata.name}{"\\t"}{.status.capacity.cpu}{"\\n"}{end}', 'nodes', ''),
    c('qr-pod-names-one-per-line', J + '{range .items[*]}{.metadata.name}{"\\n"}{end}', ns='kube-system'),
    c('qr-image-per-container', J + '{range .items[*]}{"\\n"}{.metadata.name}{":\\t"}{range .spec.containers[*]}{.image}{", "}{end}{end}'),
    c('qr-first-pod-name', J + '{.items[0].metadata.name}'),
    c('qr-start-time', J + '{range .items[*]}{.metadata.name}{"\\t"}{.status.startTime}{"\\n"}{end}'),
    c('qr-init-container-names', J + '{.items[*].spec.initContainers[*].name}'),
    c('jp-kind', J + '{.kind}'),
    c('jp-kind-bracket', J + "{['kind']}"),
    c('jp-recursive-name', J + '{..name}', 'nodes', ''),
    c('jp-items-names', J + '{.items[*].metadata.name}', 'nodes', ''),
    c('jp-first-item', J + '{.items[0].metadata}', 'nodes', ''),
    c('jp-last-item', J + '{.items[-1:].metadata.name}', 'nodes', ''),
    c('jp-filter-name', J + '{.items[?(@.metadata.name=="node01")].status.capacity}', 'nodes', ''),
    c('jp-union', J + "{.items[*]['metadata.name', 'status.capacity']}", 'nodes', ''),
    c('jp-range-brackets', J + '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', 'nodes', ''),
    c('jp-regex-unsupported', J + '{.items[?(@.metadata.name=~/^node/)].metadata.name}', 'nodes', ''),
    # the JSONPath support page's input, served as a pod (so {.kind} is Pod, not List)
    c('docs-text', J + 'kind is {.kind}', 'pods', 'docs', names=['docs']),
    c('docs-current', J + '{@}', 'pods', 'docs', names=['docs']),
    c('docs-child', J + "{.kind} {['kind']} {['name\\.type']}", 'pods', 'docs', names=['docs']),
    c('docs-recursive', J + '{..name}', 'pods', 'docs', names=['docs']),
    c('docs-wildcard', J + '{.items[*].metadata.name}', 'pods', 'docs', names=['docs']),
    c('docs-subscript', J + '{.users[0].name}', 'pods', 'docs', names=['docs']),
    c('docs-union', J + "{.items[*]['metadata.name', 'status.capacity']}", 'pods', 'docs', names=['docs']),
    c('docs-filter', J + '{.users[?(@.name=="e2e")].user.password}', 'pods', 'docs', names=['docs']),
    c('docs-range', J + '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', 'pods', 'docs', names=['docs']),
    c('docs-quote', J + "{range .items[*]}{.metadata.name}{'\\t'}{end}", 'pods', 'docs', names=['docs']),
    c('docs-negative', J + '{.items[-1].metadata.name} {.items[-2:].status.addresses[*].address}', 'pods', 'docs', names=['docs']),
    c('docs-negative-wrap', J + '{.items[-3].metadata.name}', 'pods', 'docs', names=['docs']),
    c('docs-filter-type', J + '{.items[*].status.addresses[?(@.type=="LegacyHostIP")].address}', 'pods', 'docs', names=['docs']),
    c('docs-filter-list', J + '{.users[?(@.user.username)].name}', 'pods', 'docs', names=['docs']),
    c('docs-pods-at', J + '{@.kind} {.items[0].kind}', 'pods', 'kube-system', names=['etcd-controlplane']),
    # ---- everyday objects
    c('deploy-replicas', J + '{.items[*].spec.replicas} {.items[*].status.readyReplicas}', 'deployments', 'default'),
    c('deploy-images', J + '{range .items[*]}{.metadata.name}={.spec.template.spec.containers[*].image}{"\\n"}{end}', 'deployments', 'default'),
    c('svc-cluster-ip', G + '{{range .items}}{{.metadata.name}} {{.spec.clusterIP}} {{range .spec.ports}}{{.port}}/{{.protocol}}{{end}}{{"\\n"}}{{end}}', 'services', 'default'),
    c('node-capacity-gt', G + '{{range .items}}{{.metadata.name}}: {{.status.capacity.cpu}} {{index .status.capacity "memory"}}{{"\\n"}}{{end}}', 'nodes', ''),
    c('node-ready-gt', G + '{{range .items}}{{.metadata.name}}{{range .status.conditions}}{{if eq .type "Ready"}} {{.status}}{{end}}{{end}}{{"\\n"}}{{end}}', 'nodes', ''),
    c('node-taints', J + '{range .items[*]}{.metadata.name}{"\\t"}{.spec.taints}{"\\n"}{end}', 'nodes', ''),
    c('pod-restarts-gt', G + '{{range .items}}{{.metadata.name}} {{range .status.containerStatuses}}{{.restartCount}} {{.ready}} {{.state}}{{end}}{{"\\n"}}{{end}}', 'pods', 'kube-system'),
    c('pod-owner', J + '{.items[*].metadata.ownerReferences[0].kind}', 'pods', 'kube-system'),
    c('pod-conditions-filter', J + '{range .items[*]}{.metadata.name} {.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}', 'pods', 'default'),
    c('pod-whole-single-gt', G + '{{.}}', names=['db']),
    c('pod-whole-single-jp', J + '{.spec}', names=['db']),
    # ---- JSONPath: single objects, printing rules, slices, filters
    c('jp-single-labels', J + '{.metadata.labels}', names=['db']),
    c('jp-single-escaped-dots', J + '{.metadata.labels.app\\.kubernetes\\.io/name}', names=['db']),
    c('jp-single-dict-key', J + "{.metadata.labels['app']}", names=['db']),
    c('jp-annotations-html', J + '{.metadata.annotations}', names=['db']),
    c('jp-containers', J + '{.spec.containers[1]}', names=['db']),
    c('jp-env', J + '{.spec.containers[0].env[0].value}{"|"}{.spec.containers[*].resources}', names=['db']),
    c('jp-two-names', J + '{.items[*].metadata.name}', names=['db', 'db']),
    c('jp-slice', J + '{.items[1:3].metadata.name}', 'pods', 'kube-system'),
    c('jp-slice-step', J + '{.items[::2].metadata.name}', 'pods', 'kube-system'),
    c('jp-slice-neg', J + '{.items[-2:].metadata.name}', 'pods', 'kube-system'),
    c('jp-slice-empty', J + '{.items[1:1].metadata.name}x', 'pods', 'kube-system'),
    # ({.items[0].status.capacity.*} is left out: Go walks a map in random order, so kubectl's output varies.)
    c('jp-wildcard-list', J + '{.items[0].status.conditions[*].type}', 'nodes', ''),
    c('jp-filter-phase', J + '{.items[?(@.status.phase=="Running")].metadata.name}', 'pods', 'lab'),
    c('jp-filter-ne', J + '{.items[?(@.status.phase!="Running")].metadata.name}', 'pods', 'lab'),
    c('jp-filter-lt-int', J + '{.items[?(@.spec.priority<8)].metadata.name}', 'pods', 'lab'),
    c('jp-filter-ge-int', J + '{.items[?(@.spec.priority>=7)].metadata.name}', 'pods', 'lab'),
    c('jp-filter-float', J + '{.items[?(@.spec.weight>0.5)].metadata.name}', 'pods', 'lab'),
    c('jp-filter-bool', J + '{.items[?(@.status.flag==true)].metadata.name}', 'pods', 'lab'),
    c('jp-filter-exists', J + '{.items[?(@.metadata.labels)].metadata.name}', 'pods', 'lab'),
    c('jp-filter-exists-field', J + '{.items[?(@.spec.priority)].metadata.name}', 'pods', 'lab'),
    c('jp-filter-and-unsupported', J + '{.items[?(@.status.phase=="Running" && @.spec.priority>1)].metadata.name}', 'pods', 'lab'),
    c('jp-numbers', J + '{range .items[*]}{.spec.priority} {.spec.weight} {.spec.ratio}|{end}', 'pods', 'lab'),
    c('jp-null-empty', J + '{.items[2].spec.note} {.items[2].spec.empty} {.items[2].spec.obj} {.items[2].status.flag}', 'pods', 'lab'),
    c('jp-unicode', J + '{.items[3].metadata.labels} {.items[3].spec.text} {.items[3].spec}', 'pods', 'lab'),
    c('jp-quotes', J + "{'single'} {\"tab\\there\"} {'it\\'s'}", 'pods', 'lab'),
    c('jp-text-only', J + 'plain text', 'pods', 'lab'),
    c('jp-relaxed-not-applied', J + '.metadata.name', names=['db']),
    c('jp-number-literal', J + '{5}{"-"}{1.5}', names=['db']),
    c('jp-range-empty-list', J + '{range .items[*].spec.initContainers[*]}{.name}{end}after', 'pods', 'lab'),
    c('jp-nested-range', J + '{range .items[*]}{.metadata.name}:{range .spec.containers[*]}{.name},{end};{end}', 'pods', 'lab'),
    c('jp-after-range', J + '{range .items[*]}{.metadata.name} {end}{.kind}', 'pods', 'lab'),
    c('jp-recursive-image', J + '{..image}', 'pods', 'lab'),
    c('jp-missing-allowed', J + '{.items[*].metadata.nothing}|{.nothing.deeper}|', 'pods', 'lab'),
    c('jp-dollar', J + '{$.kind} {@.kind}', 'pods', 'lab'),
    c('jp-string-wildcard', J + '{.metadata.name.*}', names=['db']),
    # ---- JSONPath errors (kubectl's words)
    c('jp-err-unclosed', J + '{.metadata.labels'),
    c('jp-err-unclosed-newline', J + '{.metadata\n}'),
    c('jp-err-unterminated-array', J + '{.items[0}'),
    c('jp-err-unterminated-filter', J + '{.items[?(@.a=="x"}'),
    c('jp-err-unclosed-array-expect', J + '{.items[?(@.a=="x")x}'),
    c('jp-err-unterminated-quote', J + '{"abc}'),
    c('jp-err-invalid-index', J + '{.items[a]}'),
    c('jp-err-index-not-number', J + '{.items[1:99999999999]}'),
    c('jp-err-char', J + '{.items#}'),
    c('jp-err-multiple-recursive', J + '{....name}'),
    c('jp-err-end-outside-range', J + '{end}'),
    c('jp-err-identifier', J + '{foo}'),
    c('jp-err-number', J + '{1.2.3}'),
    c('jp-err-not-array', J + '{.metadata[0]}', names=['db']),
    c('jp-err-out-of-bounds', J + '{.items[7].metadata.name}', 'pods', 'lab'),
    c('jp-err-out-of-bounds-neg', J + '{.items[-9].metadata.name}', 'pods', 'lab'),
    c('jp-err-step', J + '{.items[0:2:0].metadata.name}', 'pods', 'lab'),
    c('jp-err-start-gt-end', J + '{.items[3:1].metadata.name}', 'pods', 'lab'),
    c('jp-err-missing-strict', J + '{.items[0].metadata.name}{.items[0].metadata.nothing}', 'pods', 'lab', strict=True),
    c('jp-err-missing-strict-single', J + '{.kind} {.spec.nothing}', names=['db'], strict=True),
    c('jp-err-compare-many', J + '{.items[?(@.spec.containers[*].name=="c")].metadata.name}', 'pods', 'lab'),
    c('jp-err-incompatible', J + '{.items[?(@.spec.priority==1.5)].metadata.name}', 'pods', 'lab'),
    c('jp-err-bool-less', J + '{.items[?(@.status.flag<true)].metadata.name}', 'pods', 'lab'),
    c('jp-err-filter-not-array', J + '{.kind[?(@.a)]}', 'pods', 'lab'),
    c('jp-err-unquote', J + '{"\\q"}', 'pods', 'lab'),
    # ---- go-template
    c('gt-names', G + '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'),
    c('gt-qr-secret', G + '{{range $k,$v := .data}}{{"### "}}{{$k}}{{"\\n"}}{{$v|base64decode}}{{"\\n\\n"}}{{end}}', 'secrets', 'lab', names=['creds']),
    c('gt-if-else', G + '{{range .items}}{{if eq .status.phase "Running"}}up {{else if eq .status.phase "Pending"}}wait {{else}}down {{end}}{{.metadata.name}}\n{{end}}', 'pods', 'lab'),
    c('gt-printf-table', G + '{{range .items}}{{printf "%-30s %-10s %s\\n" .metadata.name .status.phase .spec.nodeName}}{{end}}'),
    c('gt-maps-lists', G + '{{(index .items 0).metadata.labels}} {{(index .items 0).spec.containers}}', 'pods', 'lab'),
    c('gt-numbers', G + '{{range .items}}{{.spec.priority}} {{.spec.weight}} {{.spec.ratio}}|{{end}}', 'pods', 'lab'),
    c('gt-missing', G + '{{.metadata.nothing}} {{.metadata.nothing.deeper}} {{.spec.containers}}', names=['db']),
    c('gt-null', G + '{{range .items}}[{{.spec.note}}]{{end}}', 'pods', 'lab'),
    c('gt-range-index', G + '{{range $i, $c := .spec.containers}}{{$i}}:{{$c.name}}={{$c.image}} {{end}}', names=['db']),
    c('gt-range-map', G + '{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}', names=['db']),
    c('gt-range-else', G + '{{range .spec.initContainers}}x{{else}}no init containers{{end}}', names=['db']),
    c('gt-with', G + '{{with .status}}{{.phase}} {{.podIP}}{{end}}{{with .spec.nothing}}yes{{else}}no{{end}}', names=['db']),
    c('gt-variables', G + '{{$n := .metadata.name}}{{range .spec.containers}}{{$n}}/{{.name}} {{end}}{{$n = "x"}}{{$n}} {{$.kind}}', names=['db']),
    c('gt-trim', G + '{{range .items -}}\n  {{ .metadata.name }}\n{{- end}}', 'pods', 'lab'),
    c('gt-comment', G + 'a{{/* a comment */}}b{{- /* trimmed */ -}} c', names=['db']),
    c('gt-len-index', G + '{{len .items}} {{len (index .items 0).spec.containers}} {{index .metadata.labels "app"}} {{index .items 1 "metadata" "name"}}', 'pods', 'lab'),
    c('gt-index-label', G + '{{index .metadata.labels "app.kubernetes.io/name"}}', names=['db']),
    c('gt-logic', G + '{{range .items}}{{and .spec.priority .status.flag}},{{or .spec.nothing "dflt"}},{{not .status.flag}};{{end}}', 'pods', 'lab'),
    c('gt-compare', G + '{{range .items}}{{if gt .spec.priority 5}}{{.metadata.name}} {{end}}{{end}}', 'pods', 'lab', strict=False),
    c('gt-printf-verbs', G + '{{printf "%d|%5d|%-5d|%05d|%x|%X|%o|%b|%c|%q|%U" 42 42 42 42 255 255 8 5 65 65 65}}', names=['db']),
    c('gt-printf-strings', G + '{{printf "%s|%10s|%-10s|%.2s|%q|%x|%v|%T" .metadata.name .metadata.name .metadata.name .metadata.name .metadata.name "hi" .metadata.labels .metadata.labels}}', names=['db']),
    c('gt-printf-floats', G + '{{range .items}}{{printf "%v %.2f %e %g %6.1f %T;" .spec.weight .spec.weight .spec.weight .spec.weight .spec.weight .spec.weight}}{{end}}', 'pods', 'lab'),
    c('gt-printf-bad', G + '{{printf "%d %s %t" "str" 5 1}}|{{printf "%s %s" "one"}}|{{printf "%s" "a" "b" 3}}|{{printf "100%"}}', names=['db']),
    c('gt-printf-gosyntax', G + '{{printf "%#v" .metadata.labels}} {{printf "%+v" .spec.containers}}', names=['db']),
    c('gt-print-println', G + '{{print 1 2 "a" "b" 3 .metadata.nothing}}|{{println "x" 1}}|', names=['db']),
    c('gt-pipeline', G + '{{.metadata.name | printf "%s!"}} {{"x" | printf "%s-%s" "y"}} {{.metadata.name | len}}', names=['db']),
    c('gt-slice', G + '{{slice .metadata.name 1}} {{slice .spec.containers 1 2}} {{slice "abcdef" 1 3}}', names=['db']),
    c('gt-html-js-url', G + '{{html .metadata.annotations.note}} {{js "a\'b<c>"}} {{urlquery "a b&c/d"}}', names=['db']),
    c('gt-exists', G + '{{exists . "spec" "containers"}} {{exists . "spec" "nothing"}} {{exists .spec.containers 1}} {{exists .spec.containers 5}}', names=['db']),
    c('gt-define', G + '{{define "row"}}<{{.name}}>{{end}}{{range .spec.containers}}{{template "row" .}}{{end}}', names=['db']),
    c('gt-break-continue', G + '{{range .items}}{{if eq .metadata.name "pod-9"}}{{continue}}{{end}}{{if eq .metadata.name "pod-02"}}{{break}}{{end}}{{.metadata.name}} {{end}}', 'pods', 'lab'),
    c('gt-char-number-consts', G + "{{'a'}} {{1e3}} {{0x1F}} {{1.50}} {{-7}} {{1_000}}", names=['db']),
    c('gt-unicode', G + '{{(index .items 3).spec.text}} {{(index .items 3).metadata.labels}}', 'pods', 'lab'),
    c('gt-eq-multi', G + '{{range .items}}{{if eq .status.phase "Pending" "Failed"}}{{.metadata.name}} {{end}}{{end}}', 'pods', 'lab'),
    c('gt-raw-string', G + '{{`raw\\n`}} {{"esc\\t"}}', names=['db']),
    c('gt-dot-print', G + '{{.spec.containers | len}} {{(index .spec.containers 1).command}}', names=['db']),
    # ---- more Go printing and template idioms
    c('gt-printf-more', G + '{{printf "%5.2f|%+.1e|%g|%x|%q|%c|%#x|%-08d|% x|%08.3f" -3.14159 12345.678 1e21 -255 66 9731 255 42 "hi" 2.5}}', names=['db']),
    c('gt-printf-star', G + '{{printf "%*d|%.*f|%-*s|" 5 42 2 3.14159 4 "ab"}}', names=['db']),
    c('gt-printf-argindex', G + '{{printf "%[2]s %[1]s" "a" "b"}}', names=['db']),
    c('gt-printf-gosyntax-more', G + '{{printf "%#v|%#v|%#v|%#v" .spec.containers "s" 3 true}}', 'pods', 'lab', names=['pod-02']),
    c('gt-printf-containers', G + '{{printf "%s|%d|%v" .metadata.labels .spec.priority .spec.note}}', 'pods', 'lab', names=['pod-1']),
    c('gt-printf-list-verbs', G + '{{printf "%s|%d|%x" .spec.containers .spec.containers .metadata.name}}', 'pods', 'lab', names=['pod-02']),
    c('gt-print-floats', G + '{{print 1.0 2.5}} {{1e6}} {{0.000001}} {{1e-7}}', names=['db']),
    c('gt-join-idiom', G + '{{range $i, $e := .items}}{{if $i}}, {{end}}{{$e.metadata.name}}{{end}}', 'pods', 'lab'),
    c('gt-with-var', G + '{{with $x := .metadata}}{{$x.name}}/{{.namespace}}{{end}}', names=['db']),
    c('gt-index-root', G + '{{index . "metadata" "name"}} {{index .metadata.annotations "note"}} {{index .metadata.labels "missing"}}', names=['db']),
    c('gt-braces-in-string', G + '{{"{{"}}x{{"}}"}}', names=['db']),
    c('gt-trim-if', G + 'a\n{{- if .kind}}\n  b\n{{- end}}\nc', names=['db']),
    c('gt-len-pipe', G + '{{.spec.containers | len | printf "%03d"}}', names=['db']),
    c('gt-not-eq', G + '{{if not (eq .kind "Pod")}}no{{else}}yes{{end}}', names=['db']),
    c('gt-range-map-values', G + '{{range .status.capacity}}{{.}} {{end}}', 'nodes', '', names=['node01']),
    c('gt-range-dot-var', G + '{{range .spec.containers}}{{$.metadata.name}}:{{.name}} {{end}}', names=['db']),
    c('gt-nested-index', G + '{{(index (index .spec.containers 0).env 0).value}}', names=['db']),
    c('gt-bool-print', G + '{{true}} {{false}} {{not 0}} {{and 1 2}} {{or 0 0}}', names=['db']),
    c('gt-html-escapes', G + '{{html "\"quoted\" & \u0027single\u0027"}} {{js "line\nnext\u2028"}} {{urlquery "ü é"}}', names=['db']),
    c('jp-single-filter', J + '{.spec.containers[?(@.name=="postgres")].image}', names=['db']),
    c('jp-single-slice', J + '{.spec.containers[0:1].name} {.spec.containers[*][\'name\',\'image\']}', names=['db']),
    c('jp-single-range', J + '{range .spec.containers[*]}{.name}{"\\n"}{end}', names=['db']),
    c('jp-recursive-field', J + '{..containerPort} {..mountPath}', 'pods', 'default'),
    c('jp-states', J + '{.items[0].status.containerStatuses[*].state}', 'pods', 'kube-system'),
    c('jp-filter-quote-paren', J + '{.items[?(@.metadata.name=="a)b")].metadata.name}x', 'pods', 'lab'),
    c('jp-filter-single-quotes', J + "{.items[?( @.status.phase == 'Running' )].metadata.name}", 'pods', 'lab'),
    c('jp-filter-field-vs-field', J + '{.items[?(@.spec.priority>@.spec.weight)].metadata.name}', 'pods', 'lab'),
    c('jp-filter-int-field', J + '{.items[?(@.spec.priority>@.spec.priority)].metadata.name}x', 'pods', 'lab'),
    c('jp-err-filter-unclosed', J + '{.items[?(@.a)}', 'pods', 'lab'),
    c('jp-bool-literal', J + '{true} {false}', names=['db']),
    c('jp-union-index', J + '{.items[0,2].metadata.name}', 'pods', 'lab'),
    c('jp-union-missing', J + "{.items[*]['metadata.name','spec.note']}", 'pods', 'lab'),
    # ---- go-template errors
    c('gt-else-with', G + '{{with .spec.nothing}}a{{else with .metadata.name}}b:{{.}}{{else}}c{{end}}', names=['db']),
    c('gt-block', G + '{{block "item" .metadata}}[{{.name}}]{{end}}', names=['db']),
    c('gt-trim-variants', G + 'a  {{- "b" -}}  c {{- /* x */}} d\n\n{{- "e"}}  \n', names=['db']),
    c('gt-multiline', G + '{{range .items}}\n{{- .metadata.name}}\n{{end}}', 'pods', 'lab'),
    c('gt-paren-chain', G + '{{(index .spec.containers 0).name}} {{(index .spec.containers 0).resources.requests.cpu}}', names=['db']),
    c('gt-assign-in-range', G + '{{$last := ""}}{{range .items}}{{$last = .metadata.name}}{{end}}{{$last}}', 'pods', 'lab'),
    c('gt-not-and-or', G + '{{if and (eq .kind "Pod") (not .spec.nothing)}}yes{{end}} {{or 0 "" .metadata.name}}', names=['db']),
    c('gt-ne-le-ge', G + '{{ne 1 2}} {{le 2 2}} {{ge "b" "a"}} {{lt 1.5 2.5}} {{eq true true}}', names=['db']),
    c('gt-err-exec-line2', G + 'x\n  {{.metadata.name.bad}}', names=['db']),
    c('gt-err-parse-line3', G + 'a\nb\n{{if}}', names=['db']),
    c('gt-err-unclosed-multiline', G + '{{range .items}}\n{{.kind', names=['db']),
    c('gt-err-chain-nil', G + '{{(nil).a}}', names=['db']),
    c('gt-err-dot-after-term', G + '{{"a".b}}', names=['db']),
    c('gt-err-range-vars', G + '{{range $a, $b, $c := .items}}{{end}}', 'pods', 'lab'),
    c('gt-err-declare-missing', G + '{{$x :=}}', names=['db']),
    c('gt-err-index-string-out', G + '{{index "abc" 3}}', names=['db']),
    c('gt-err-slice-bad', G + '{{slice "abc" 2 1}}', names=['db']),
    c('gt-err-unclosed', G + '{{.metadata.name'),
    c('gt-err-undefined-func', G + '{{upper .metadata.name}}'),
    c('gt-err-unexpected-end', G + '{{.kind}}{{end}}'),
    c('gt-err-unexpected-else', G + '{{else}}'),
    c('gt-err-eof', G + '{{range .items}}{{.metadata.name}}'),
    c('gt-err-missing-value', G + '{{}}'),
    c('gt-err-undefined-var', G + '{{$x}}'),
    c('gt-err-bad-char', G + '{{.metadata.name#}}'),
    c('gt-err-unterminated-string', G + '{{"abc}}'),
    c('gt-err-unclosed-paren', G + '{{(len .items}}'),
    c('gt-err-unexpected-rparen', G + '{{len .items)}}'),
    c('gt-err-break-outside', G + '{{break}}'),
    c('gt-err-comment', G + '{{/* x */ .kind}}'),
    c('gt-err-unclosed-comment', G + '{{/* x }}'),
    c('gt-err-multiline', G + 'line1\nline2 {{.a\n\n'),
    c('gt-err-nonexec-pipeline', G + '{{.kind | "x"}}'),
    c('gt-err-too-many-decl', G + '{{$a, $b := .kind}}'),
    c('gt-err-expected-end', G + '{{if .kind}}a{{else}}b{{else}}c{{end}}'),
    c('gt-err-missing-key-strict', G + '{{.metadata.name}} {{.metadata.nothing}}', names=['db'], strict=True),
    c('gt-err-nil-data-strict', G + '{{range .items}}{{.metadata.name}}{{.spec.nothing.deeper}}{{end}}', 'pods', 'lab', strict=True),
    c('gt-err-cant-evaluate', G + 'start {{.metadata.name.x}}', names=['db']),
    c('gt-err-var-field', G + '{{$x := .metadata.name}}{{$x.y}}', names=['db']),
    c('gt-err-nil-pointer', G + '{{range .items}}{{.spec.note.x}}{{end}}', 'pods', 'lab'),
    c('gt-err-index-range', G + '{{index .spec.containers 5}}', names=['db']),
    c('gt-err-index-nil', G + '{{index .metadata.nothing "a"}}', names=['db']),
    c('gt-err-index-type', G + '{{index .spec.containers "a"}}', names=['db']),
    c('gt-err-len-nil', G + '{{len .metadata.nothing}}', names=['db']),
    c('gt-err-len-int', G + '{{len 3}}', names=['db']),
    c('gt-err-args', G + '{{len}}', names=['db']),
    c('gt-err-args-eq', G + '{{eq .kind}}', names=['db']),
    c('gt-err-lt-incompatible', G + '{{range .items}}{{lt .spec.priority 1.5}}{{end}}', 'pods', 'lab'),
    c('gt-err-lt-nil', G + '{{lt .metadata.nothing 1}}', names=['db']),
    c('gt-err-printf-type', G + '{{printf 3}}', names=['db']),
    c('gt-err-printf-nil', G + '{{printf .metadata.nothing}}', names=['db']),
    c('gt-err-printf-wrongtype', G + '{{printf .spec.containers}}', names=['db']),
    c('gt-err-base64', G + '{{base64decode "!!"}}', names=['db']),
    c('gt-err-not-method', G + '{{"x" | .kind}}', names=['db']),
    c('gt-err-non-function', G + '{{.kind 1}}', names=['db']),
    c('gt-err-range-string', G + '{{range .kind}}x{{end}}', names=['db']),
    c('gt-err-range-int', G + '{{range 3}}x{{end}}', names=['db']),
    c('gt-err-template-undefined', G + '{{template "nope" .}}', names=['db']),
    c('gt-err-nil-command', G + '{{nil}}', names=['db']),
    # ---- more parse errors: token quoting, lines, actions spanning lines
    c('gt-perr-long-token', G + '{{.kind "averyveryverylongstring"}}', names=['db']),
    c('gt-perr-action-lines', G + '{{.kind\n\n"unterminated}}', names=['db']),
    c('gt-perr-unexpected-in-operand', G + '{{.kind | }}', names=['db']),
    c('gt-perr-else-garbage', G + '{{if .kind}}{{else x}}{{end}}', names=['db']),
    c('gt-perr-end-garbage', G + '{{if .kind}}{{end x}}', names=['db']),
    c('gt-perr-range-init', G + '{{range $a, 3 := .items}}{{end}}', names=['db']),
    c('gt-perr-colon', G + '{{$x : 3}}', names=['db']),
    c('gt-perr-bad-number', G + '{{3x}}', names=['db']),
    c('gt-perr-template-name', G + '{{template .kind}}', names=['db']),
    c('gt-perr-define-nested', G + '{{if 1}}{{define "x"}}{{end}}{{end}}', names=['db']),
    c('gt-perr-char', G + '{{\'ab\'}}', names=['db']),
    c('gt-perr-unicode', G + '{{.kind €}}', names=['db']),
    c('gt-perr-empty-paren', G + '{{()}}', names=['db']),
    c('gt-perr-continue-outside', G + '{{if 1}}{{continue}}{{end}}', names=['db']),
    c('gt-perr-comment-line', G + 'a\n{{/* unclosed', names=['db']),
    c('gt-err-exec-unicode-col', G + 'é€{{.x.y.z}}', names=['db'], strict=True),
    c('gt-err-with-missing-strict', G + '{{with .spec.nothing}}x{{end}}', names=['db'], strict=True),
    c('gt-err-range-missing-strict', G + '{{range .spec.nothing}}x{{end}}', names=['db'], strict=True),
    c('jp-err-range-empty-strict', J + '{range .items[*].spec.initContainers[*]}{.name}{end}', 'pods', 'lab', strict=True),
    c('jp-err-union-parse', J + '{.items[0,a]}', 'pods', 'lab'),
    c('jp-err-dict-quote', J + "{.items['a]}", 'pods', 'lab'),
    c('jp-err-filter-op', J + '{.items[?(@.a=!"x")].metadata.name}', 'pods', 'lab'),
    c('jp-err-slice-form', J + '{.items[1:2:3:4]}', 'pods', 'lab'),
    # ---- --sort-by
    c('sort-created', J + RANGE_NAMES, sort='.metadata.creationTimestamp'),
    c('sort-created-lab', J + RANGE_NAMES, 'pods', 'lab', sort='.metadata.creationTimestamp'),
    c('sort-name-natural', J + RANGE_NAMES, 'pods', 'lab', sort='.metadata.name'),
    c('sort-braces', J + RANGE_NAMES, 'pods', 'lab', sort='{.status.podIP}'),
    c('sort-no-dot', J + RANGE_NAMES, 'pods', 'lab', sort='metadata.name'),
    c('sort-int', J + RANGE_NAMES, 'pods', 'lab', sort='.spec.priority'),
    c('sort-float', J + RANGE_NAMES, 'pods', 'lab', sort='.spec.weight'),
    c('sort-quantity-cpu', J + RANGE_NAMES, 'pods', 'lab', sort='.spec.containers[0].resources.requests.cpu'),
    c('sort-quantity-memory', J + RANGE_NAMES, 'pods', 'lab', sort='.spec.containers[0].resources.requests.memory'),
    c('sort-phase', J + RANGE_NAMES, 'pods', 'lab', sort='.status.phase'),
    c('sort-kube-system-node', J + RANGE_NAMES, 'pods', 'kube-system', sort='.spec.nodeName'),
    c('sort-kube-system-created', J + RANGE_NAMES, 'pods', 'kube-system', sort='.metadata.creationTimestamp'),
    c('sort-kube-system-name', J + RANGE_NAMES, 'pods', 'kube-system', sort='.metadata.name'),
    c('sort-kube-system-ip', J + RANGE_NAMES, 'pods', 'kube-system', sort='.status.podIP'),
    c('sort-nodes-memory', J + RANGE_NAMES, 'nodes', '', sort='.status.capacity.memory'),
    c('sort-restarts', J + RANGE_NAMES, 'pods', 'kube-system', sort='.status.containerStatuses[0].restartCount'),
    c('sort-go-template', G + '{{range .items}}{{.metadata.name}} {{end}}', 'pods', 'lab', sort='.spec.priority'),
    # more than 12 objects: Go's pattern-defeating quicksort, with ties, nulls and missing fields
    c('sort-many-name', 'name', 'pods', 'many', sort='.metadata.name'),
    c('sort-many-priority', 'name', 'pods', 'many', sort='.spec.priority'),
    c('sort-many-created', 'name', 'pods', 'many', sort='.metadata.creationTimestamp'),
    c('sort-many-cpu', 'name', 'pods', 'many', sort='.spec.containers[0].resources.requests.cpu'),
    c('sort-many-phase', 'name', 'pods', 'many', sort='.status.phase'),
    c('sort-many-ip', J + '{range .items[*]}{.metadata.name} {.status.podIP}{"\\n"}{end}', 'pods', 'many', sort='{.status.podIP}'),
    c('sort-many-jsonpath-priority', J + '{range .items[*]}{.spec.priority},{end}', 'pods', 'many', sort='spec.priority'),
    c('sort-lab-name-output', 'name', 'pods', 'lab', sort='.spec.weight'),
    c('sort-label-missing', 'name', 'pods', 'lab', sort='.metadata.labels.app'),
    c('sort-first-of-many', 'name', 'pods', 'lab', sort='{.spec.containers[*].name}'),
    c('sort-equal-keys', 'name', 'nodes', '', sort='.status.capacity.cpu'),
    c('sort-start-time', 'name', 'pods', 'kube-system', sort='.status.startTime'),
    c('sort-many-weightless', 'name', 'pods', 'many', sort='.spec.nothing'),
    c('sort-single-object', J + '{.metadata.name}', names=['db'], sort='.metadata.name'),
    c('gt-printf-width-containers', G + '{{printf "%6v|%-4v|%3d" .metadata.labels .spec.containers 7}}', 'pods', 'lab', names=['pod-1']),
    c('gt-printf-plus-v', G + '{{printf "%+v|%+d|% d|%+s" .metadata.labels 5 5 "x"}}', 'pods', 'lab', names=['pod-1']),
    c('gt-printf-float-edge', G + '{{printf "%.0f %.1f %.3e %G %E %8.3g|%-8.2f|" 2.5 0.05 123456.789 1e-10 1e100 3.14159 1.005}}', names=['db']),
    c('sort-err-not-found', J + RANGE_NAMES, 'pods', 'lab', sort='.foo'),
    c('sort-err-unclosed', J + RANGE_NAMES, 'pods', 'lab', sort='{.metadata.name'),
    c('sort-err-relaxed', J + RANGE_NAMES, 'pods', 'lab', sort='{{.metadata.name}}'),
    c('sort-err-not-array', J + RANGE_NAMES, 'pods', 'lab', sort='.metadata.name[0]'),
]


def fixture(resource, ns):
    f, path, api_version, kind = RESOURCES[(resource, ns)]
    with open(os.path.join(HERE, 'objects', f)) as fh:
        return json.load(fh), path, api_version, kind


def serve(tmp):
    for (resource, ns) in RESOURCES:
        lst, path, api_version, kind = fixture(resource, ns)
        os.makedirs(os.path.join(tmp, path), exist_ok=True)
        with open(os.path.join(tmp, path + '.json'), 'w') as fh:
            json.dump(lst, fh)
        for item in lst['items']:
            obj = dict(apiVersion=api_version, kind=kind, **item)
            with open(os.path.join(tmp, path, item['metadata']['name'] + '.json'), 'w') as fh:
                json.dump(obj, fh)


def run(case, cache):
    args = [K, '--server=http://127.0.0.1:%d' % PORT, '--cache-dir', cache, 'get', case['resource']]
    args += case['names']
    if case['namespace']:
        args += ['-n', case['namespace']]
    args += ['-o', case['output']]  # jsonpath=..., go-template=... or name
    if case['sortBy'] is not None:
        args += ['--sort-by=' + case['sortBy']]
    if not case['allowMissingKeys']:
        args += ['--allow-missing-template-keys=false']
    p = subprocess.run(args, capture_output=True, env=dict(os.environ, TZ='UTC'))
    return p.stdout.decode(), p.stderr.decode(), p.returncode


def main():
    tmp = tempfile.mkdtemp(prefix='tpl-oracle-')
    serve(os.path.join(tmp, 'objs'))
    stub = subprocess.Popen([sys.executable, STUB, os.path.join(tmp, 'objs'), str(PORT)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        out = []
        for case in CASES:
            stdout, stderr, rc = run(case, os.path.join(tmp, 'kc'))
            out.append(dict(case, stdout=stdout, stderr=stderr, exitCode=rc))
        with open(os.path.join(HERE, 'cases.json'), 'w') as fh:
            json.dump(out, fh, indent=1, ensure_ascii=False)
            fh.write('\n')
    finally:
        stub.terminate()
        shutil.rmtree(tmp)


if __name__ == '__main__':
    main()
