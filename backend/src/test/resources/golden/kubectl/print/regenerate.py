#!/usr/bin/env python3
"""Rewrites the expected outputs in this folder from the real kubectl 1.32 (the oracle), never from our code.

Usage: regenerate.py KUBECTL PORT
Every <case>.input.json is served by the stub API server (/work/wt/oracle/kube-stub.py): an object under its own
URL, a *List under its collection URL. Then for each case:
  <case>.yaml, <case>.json   kubectl get <resource> [<name>] -o yaml|json   (a list case prints kubectl's List)
  <case>.name                kubectl get ... -o name
and for every line "<case><TAB><n><TAB><kubectl args...>" of custom-columns.cases:
  <case>.cc<n>.txt           kubectl get ... <args> (stdout, then "error: ..." from stderr if any)
"""
import glob, json, os, shlex, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
STUB = '/work/wt/oracle/kube-stub.py'
KUBECTL, PORT = sys.argv[1], sys.argv[2]
PLURALS = {'Pod': 'pods', 'Deployment': 'deployments', 'ReplicaSet': 'replicasets', 'Service': 'services',
           'Node': 'nodes', 'ConfigMap': 'configmaps', 'Secret': 'secrets', 'Event': 'events',
           'Namespace': 'namespaces', 'DaemonSet': 'daemonsets', 'Endpoints': 'endpoints'}
CLUSTER_SCOPED = {'Node', 'Namespace'}


def url(api_version, kind, namespace, name=None):
    base = 'api/' + api_version if '/' not in api_version else 'apis/' + api_version
    path = base + ('' if kind in CLUSTER_SCOPED else '/namespaces/' + namespace) + '/' + PLURALS[kind]
    return path + ('/' + name if name else '')


def main():
    objs = tempfile.mkdtemp(prefix='print-golden-')
    cases = {}
    for f in sorted(glob.glob(os.path.join(HERE, '*.input.json'))):
        case = os.path.basename(f)[:-len('.input.json')]
        obj = json.load(open(f))
        if obj['kind'].endswith('List'):
            kind = obj['kind'][:-4]
            first = obj['items'][0] if obj['items'] else {'metadata': {}}
            ns = first['metadata'].get('namespace', 'default')
            target, args = url(obj['apiVersion'], kind, ns), [PLURALS[kind]]
        else:
            kind, ns = obj['kind'], obj['metadata'].get('namespace', 'default')
            target, args = url(obj['apiVersion'], kind, ns, obj['metadata']['name']), [PLURALS[kind], obj['metadata']['name']]
        os.makedirs(os.path.dirname(os.path.join(objs, target)), exist_ok=True)
        json.dump(obj, open(os.path.join(objs, target + '.json'), 'w'))
        cases[case] = args + ([] if kind in CLUSTER_SCOPED else ['-n', ns])
    stub = subprocess.Popen([sys.executable, STUB, objs, PORT])
    time.sleep(1)
    try:
        base = [KUBECTL, '--server=http://127.0.0.1:' + PORT, '--cache-dir', objs + '/.kc']
        def run(args, out):
            p = subprocess.run(base + ['get'] + args, capture_output=True, text=True, env=dict(os.environ, TZ='UTC'))
            open(os.path.join(HERE, out), 'w').write(p.stdout + p.stderr)
        for case, args in cases.items():
            run(args + ['-o', 'yaml'], case + '.yaml')
            run(args + ['-o', 'json'], case + '.json')
            run(args + ['-o', 'name'], case + '.name')
        cc = os.path.join(HERE, 'custom-columns.cases')
        for line in open(cc).read().splitlines() if os.path.exists(cc) else []:
            if line.strip() and not line.startswith('#'):
                case, n, rest = line.split('\t', 2)
                rest = rest.replace('{here}', HERE)
                run(cases[case] + shlex.split(rest), case + '.cc' + n + '.txt')
    finally:
        stub.kill()


main()
