/*
 * The workspace page: an xterm.js terminal whose lines go over the SockJS event bus to this sandbox's
 * shell (address sandbox.<id>.shell), which runs them and answers with stdout, stderr and exit code, and
 * which answers Tab with the candidates that fit the word at the cursor. vi FILE and kubectl edit open the
 * editor over the terminal (file-editor.js); saving or quitting it goes to the shell too.
 */
(function () {
  'use strict';

  var sandbox = document.body.getAttribute('data-sandbox');
  var address = 'sandbox.' + sandbox + '.shell';
  var status = document.getElementById('connection');
  var PROMPT = '\x1b[1;32mstudent@workstation\x1b[0m:\x1b[1;34m~\x1b[0m$ ';

  /** The shell's prompt (user@host:dir$ ), coloured as bash colours it; it changes with ssh and cd. */
  function colour(prompt) {
    var m = /^([^:]*):(.*?)([$#] )$/.exec(prompt || '');
    if (!m) { return PROMPT; }
    return '\x1b[1;32m' + m[1] + '\x1b[0m:\x1b[1;34m' + m[2] + '\x1b[0m' + m[3];
  }

  var term = new Terminal({
    cursorBlink: true,
    convertEol: true,
    fontFamily: '"DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: 15,
    scrollback: 5000,
    theme: { background: '#0b0f18', foreground: '#e6ebf5', cursor: '#4f8cff', selectionBackground: '#2f5fd066' }
  });
  var fit = new FitAddon.FitAddon();
  term.loadAddon(fit);
  term.loadAddon(new WebLinksAddon.WebLinksAddon());
  term.open(document.getElementById('terminal'));
  fit.fit();
  window.addEventListener('resize', function () { fit.fit(); });

  var editor = new LineEditor(term, PROMPT, run);
  editor.completer = complete;
  term.onData(function (data) { editor.feed(data); });

  var eb = new EventBus('/eventbus');
  eb.enableReconnect(true);
  var started = false;

  function setStatus(state, text) {
    status.setAttribute('data-state', state);
    status.textContent = text;
  }

  eb.onopen = function () {
    setStatus('open', 'connected');
    if (started) { return; }
    started = true;
    eb.send(address, { type: 'history' }, {}, function (err, reply) {
      if (!err && reply && reply.body && reply.body.history) { editor.setHistory(reply.body.history); }
      if (!err && reply && reply.body && reply.body.prompt) { editor.prompt = colour(reply.body.prompt); }
      term.write('Welcome to your Kubelab sandbox \x1b[1m' + sandbox + '\x1b[0m. Type \x1b[1mhelp\x1b[0m to begin.\r\n\r\n');
      editor.start();
      term.focus();
    });
  };
  eb.onreconnect = function () { setStatus('open', 'connected'); };
  eb.onclose = function () { setStatus('closed', 'reconnecting…'); };

  function run(line) {
    if (line.trim().length === 0) { editor.start(); return; }
    // terminal: this screen can show an editor, so vi FILE and kubectl edit open one (reply.body.edit).
    eb.send(address, { type: 'exec', line: line, terminal: true }, {}, answered);
  }

  /** Shows a command's (or a save's) output, then the editor it opened or the prompt again. */
  function answered(err, reply) {
    if (err) {
      term.write('\x1b[31mkubelab: the sandbox did not answer (' + (err.message || 'connection lost') + ')\x1b[0m\r\n');
      editor.start();
      return;
    }
    var reopened = reply.body.edit && files.isOpen();
    term.write(reply.body.stdout);
    // A failed save (a file too large) keeps the editor open with the reason in its bar, as vim shows it.
    if (!reopened) { term.write(reply.body.stderr); }
    if (reply.body.prompt) { editor.prompt = colour(reply.body.prompt); }
    if (reply.body.edit) {
      files.open(reply.body.edit, reopened ? reply.body.stderr : '');
      return;
    }
    files.close();
    editor.start();
    term.focus();
  }

  /** The editor over the terminal: its Save and Quit go to the sandbox, which writes or applies the file. */
  var files = new FileEditor(function (id, text) {
    eb.send(address, { type: 'save', id: id, text: text }, {}, closed);
  }, function (id) {
    eb.send(address, { type: 'quit', id: id }, {}, closed);
  });

  function closed(err, reply) {
    if (err) {
      files.failed('kubelab: the sandbox did not answer (' + (err.message || 'connection lost') + '); try again');
      return;
    }
    answered(null, reply);
  }

  /** Tab: the sandbox's shell knows the files, the commands and the cluster; it answers what fits. */
  function complete(line, cursor, done) {
    eb.send(address, { type: 'complete', line: line, cursor: cursor }, {}, function (err, reply) {
      done(err ? null : reply.body);
    });
  }

  // For tests and for the curious: the terminal, to read its buffer.
  window.kubelab = { term: term, editor: editor, files: files };
})();
