#!/usr/bin/env python3
# Capture server: kube-stub's discovery, plus POST bodies saved to /tmp/proto/bodies/last.pb (+ .meta)
import http.server, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OBJECTS, PORT = sys.argv[1], int(sys.argv[2])
def find(path):
    path = path.split('?', 1)[0].strip('/')
    for base in (os.path.join(HERE, 'discovery'), OBJECTS):
        f = os.path.join(base, path + '.json')
        if os.path.isfile(f):
            return f
    return None
class H(http.server.BaseHTTPRequestHandler):
    def reply(self, code, body):
        self.send_response(code)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        f = find(self.path)
        if f is None:
            self.reply(404, json.dumps({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                "message": "the server could not find the requested resource", "reason": "NotFound", "details": {}, "code": 404}).encode())
        else:
            self.reply(200, open(f, 'rb').read())
    def do_POST(self):
        n = int(self.headers.get('Content-Length', '0'))
        data = self.rfile.read(n)
        d = os.path.join(HERE, 'bodies')
        with open(os.path.join(d, 'last.pb'), 'wb') as o: o.write(data)
        with open(os.path.join(d, 'last.meta'), 'w') as o: o.write(self.path + '\n' + str(self.headers.get('Content-Type')) + '\n' + str(self.headers.get('Accept')) + '\n')
        self.reply(403, json.dumps({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
            "message": "captured", "reason": "Forbidden", "details": {}, "code": 403}).encode())
    def do_PUT(self):
        self.do_POST()
    def do_PATCH(self):
        n = int(self.headers.get('Content-Length', '0'))
        self.rfile.read(n)
        self.do_GET()
    def log_message(self, *a):
        pass
http.server.ThreadingHTTPServer(('127.0.0.1', PORT), H).serve_forever()
