#!/usr/bin/env python3
"""The describe oracle's API server stub: /work/wt/oracle/kube-stub.py, plus the label and field selectors.

Usage: selector-stub.py OBJECTS_DIR PORT [DISCOVERY_DIR]
Serves discovery from DISCOVERY_DIR (default /work/wt/oracle/discovery) and objects from OBJECTS_DIR/<path>.json
as kube-stub.py does, but filters a list's items by ?labelSelector= and ?fieldSelector= (equality terms, set
terms for labels), so every list kubectl describe asks for (a pod's events, a node's pods, a deployment's
ReplicaSets, a service's EndpointSlices) is answered from one dump of the whole cluster. Test oracle only.
"""
import http.server, json, os, re, sys, urllib.parse

OBJECTS, PORT = sys.argv[1], int(sys.argv[2])
DISCOVERY = sys.argv[3] if len(sys.argv) > 3 else '/work/wt/oracle/discovery'

def find(path):
    for base in (DISCOVERY, OBJECTS):
        f = os.path.join(base, path.strip('/') + '.json')
        if os.path.isfile(f):
            return f
    return None

def field(obj, dotted):
    for part in dotted.split('.'):
        obj = obj.get(part) if isinstance(obj, dict) else None
    return '' if obj is None else (str(obj).lower() if isinstance(obj, bool) else str(obj))

def split_terms(s):
    out, depth, cur = [], 0, ''
    for c in s:
        if c == ',' and depth == 0:
            out.append(cur); cur = ''; continue
        depth += c == '('; depth -= c == ')'
        cur += c
    if cur:
        out.append(cur)
    return [t.strip() for t in out if t.strip()]

def field_match(obj, sel):
    for t in split_terms(sel):
        m = re.match(r'^([^!=]+)(!=|==|=)(.*)$', t)
        have = field(obj, m.group(1))
        if (have == m.group(3)) != (m.group(2) != '!='):
            return False
    return True

def label_match(obj, sel):
    labels = (obj.get('metadata') or {}).get('labels') or {}
    for t in split_terms(sel):
        m = re.match(r'^(\S+)\s+(in|notin)\s+\((.*)\)$', t)
        if m:
            values = [v.strip() for v in m.group(3).split(',')]
            inside = m.group(1) in labels and labels[m.group(1)] in values
            if inside != (m.group(2) == 'in'):
                return False
            continue
        m = re.match(r'^([^!=]+)(!=|==|=)(.*)$', t)
        if m:
            same = labels.get(m.group(1)) == m.group(3)
            if same != (m.group(2) != '!='):
                return False
        elif t.startswith('!'):
            if t[1:] in labels:
                return False
        elif t not in labels:
            return False
    return True

def not_found(path):
    """A missing object as the API server words it (services "x" not found), else the generic message."""
    parts = path.strip('/').split('/')
    if parts[0] == 'api':
        group, rest = '', parts[2:]
    elif parts[0] == 'apis' and len(parts) > 2:
        group, rest = parts[1], parts[3:]
    else:
        rest = []
    if len(rest) >= 2 and rest[0] == 'namespaces':
        rest = rest[2:]
    if len(rest) == 2:
        return '%s%s "%s" not found' % (rest[0], '.' + group if group else '', rest[1])
    return "the server could not find the requested resource"

class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        q = urllib.parse.parse_qs(url.query)
        f = find(url.path)
        if f is None:
            body = json.dumps({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                               "message": not_found(url.path), "reason": "NotFound",
                               "details": {}, "code": 404}).encode()
            self.send_response(404)
        else:
            body = open(f, 'rb').read()
            if 'labelSelector' in q or 'fieldSelector' in q:
                doc = json.loads(body)
                if 'items' in doc:
                    ls, fs = q.get('labelSelector', [''])[0], q.get('fieldSelector', [''])[0]
                    doc['items'] = [i for i in doc['items'] if label_match(i, ls) and field_match(i, fs)]
                    body = json.dumps(doc).encode()
            self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass

http.server.ThreadingHTTPServer(('127.0.0.1', PORT), H).serve_forever()
