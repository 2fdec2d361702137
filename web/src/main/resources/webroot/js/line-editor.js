/*
 * A small readline for the browser terminal: the line is edited here, so typing feels instant, and
 * sent to the sandbox's shell on Enter. Emacs keys as in bash: arrows, Home/End, Ctrl-A/E/B/F/U/K/W/L/C/D,
 * history with Up/Down. Redraws handle lines that wrap.
 */
(function (global) {
  'use strict';

  function LineEditor(term, prompt, onLine) {
    this.term = term;
    this.prompt = prompt;
    this.onLine = onLine;
    this.buffer = '';
    this.cursor = 0;
    this.history = [];
    this.historyIndex = 0;
    this.draft = '';
    this.active = false;
    this.shownLength = 0;
    this.shownCursor = 0;
    this.pending = [];
  }

  LineEditor.prototype.setHistory = function (lines) {
    this.history = lines.slice();
    this.historyIndex = this.history.length;
  };

  /** Shows the prompt and takes keys again. */
  LineEditor.prototype.start = function () {
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = this.history.length;
    this.draft = '';
    this.active = true;
    this.shownLength = 0;
    this.shownCursor = 0;
    this.term.write(this.prompt);
    var queued = this.pending;
    this.pending = [];
    for (var i = 0; i < queued.length && this.active; i++) {
      this.feed(queued[i]);
    }
    if (!this.active) {
      this.pending = queued.slice(i).concat(this.pending);
    }
  };

  /** Takes what the terminal reports: typed keys, escape sequences, or pasted text. */
  LineEditor.prototype.feed = function (data) {
    if (!this.active) {
      if (data === '\x03') { this.pending = []; }
      else { this.pending.push(data); }
      return;
    }
    var seq = KEYS[data];
    if (seq) { seq.call(this); return; }
    if (data.length > 1 && data.charAt(0) !== '\x1b') { this.paste(data); return; }
    if (data >= ' ' && data !== '\x7f') { this.insert(data); }
  };

  LineEditor.prototype.paste = function (text) {
    var lines = text.replace(/\r\n?/g, '\n').split('\n');
    this.insert(lines[0]);
    if (lines.length > 1) {
      this.submit();
      var rest = lines.slice(1).join('\n');
      if (rest.length > 0) { this.pending.push(rest); }
    }
  };

  LineEditor.prototype.insert = function (text) {
    text = text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').replace(/\t/g, ' ');
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
    this.redraw();
  };

  LineEditor.prototype.submit = function () {
    var line = this.buffer;
    this.cursor = line.length;
    this.redraw();
    this.term.write('\r\n');
    this.active = false;
    if (line.trim().length > 0 && this.history[this.history.length - 1] !== line.trim()) {
      this.history.push(line.trim());
    }
    this.onLine(line);
  };

  LineEditor.prototype.setLine = function (text) {
    this.buffer = text;
    this.cursor = text.length;
    this.redraw();
  };

  /** Rewrites the prompt and line in place, then puts the cursor where it belongs. */
  LineEditor.prototype.redraw = function () {
    var cols = this.term.cols;
    var p = visibleLength(this.prompt);
    var fromRow = Math.floor((p + this.shownCursor) / cols);
    var out = '';
    if (fromRow > 0) { out += '\x1b[' + fromRow + 'A'; }
    out += '\r' + this.prompt + this.buffer + '\x1b[J';
    var end = p + this.buffer.length;
    if (end > 0 && end % cols === 0) { out += ' \b'; }
    var endRow = Math.floor(end / cols);
    var target = p + this.cursor;
    var targetRow = Math.floor(target / cols);
    if (endRow > targetRow) { out += '\x1b[' + (endRow - targetRow) + 'A'; }
    out += '\r';
    if (target % cols > 0) { out += '\x1b[' + (target % cols) + 'C'; }
    this.term.write(out);
    this.shownLength = this.buffer.length;
    this.shownCursor = this.cursor;
  };

  function visibleLength(s) {
    return s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').length;
  }

  function wordStart(buffer, from) {
    var i = from;
    while (i > 0 && buffer.charAt(i - 1) === ' ') { i--; }
    while (i > 0 && buffer.charAt(i - 1) !== ' ') { i--; }
    return i;
  }

  function wordEnd(buffer, from) {
    var i = from;
    while (i < buffer.length && buffer.charAt(i) === ' ') { i++; }
    while (i < buffer.length && buffer.charAt(i) !== ' ') { i++; }
    return i;
  }

  var left = function () { if (this.cursor > 0) { this.cursor--; this.redraw(); } };
  var right = function () { if (this.cursor < this.buffer.length) { this.cursor++; this.redraw(); } };
  var home = function () { this.cursor = 0; this.redraw(); };
  var end = function () { this.cursor = this.buffer.length; this.redraw(); };
  var backspace = function () {
    if (this.cursor > 0) {
      this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
      this.cursor--;
      this.redraw();
    }
  };
  var del = function () {
    if (this.cursor < this.buffer.length) {
      this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
      this.redraw();
    }
  };
  var up = function () {
    if (this.historyIndex > 0) {
      if (this.historyIndex === this.history.length) { this.draft = this.buffer; }
      this.historyIndex--;
      this.setLine(this.history[this.historyIndex]);
    }
  };
  var down = function () {
    if (this.historyIndex < this.history.length) {
      this.historyIndex++;
      this.setLine(this.historyIndex === this.history.length ? this.draft : this.history[this.historyIndex]);
    }
  };
  var wordLeft = function () { this.cursor = wordStart(this.buffer, this.cursor); this.redraw(); };
  var wordRight = function () { this.cursor = wordEnd(this.buffer, this.cursor); this.redraw(); };

  var KEYS = {
    '\r': function () { this.submit(); },
    '\x7f': backspace, '\b': backspace,
    '\x1b[D': left, '\x02': left,
    '\x1b[C': right, '\x06': right,
    '\x1b[A': up, '\x10': up,
    '\x1b[B': down, '\x0e': down,
    '\x1b[H': home, '\x1bOH': home, '\x1b[1~': home, '\x01': home,
    '\x1b[F': end, '\x1bOF': end, '\x1b[4~': end, '\x05': end,
    '\x1b[3~': del,
    '\x1b[1;5D': wordLeft, '\x1bb': wordLeft,
    '\x1b[1;5C': wordRight, '\x1bf': wordRight,
    '\x04': function () { if (this.buffer.length > 0) { del.call(this); } },
    '\x15': function () { this.buffer = this.buffer.slice(this.cursor); this.cursor = 0; this.redraw(); },
    '\x0b': function () { this.buffer = this.buffer.slice(0, this.cursor); this.redraw(); },
    '\x17': function () {
      var start = wordStart(this.buffer, this.cursor);
      this.buffer = this.buffer.slice(0, start) + this.buffer.slice(this.cursor);
      this.cursor = start;
      this.redraw();
    },
    '\x03': function () {
      this.cursor = this.buffer.length;
      this.redraw();
      this.term.write('^C\r\n');
      this.historyIndex = this.history.length;
      this.start();
    },
    '\x0c': function () {
      this.term.write('\x1b[H\x1b[2J');
      this.shownCursor = 0;
      this.redraw();
    },
    '\t': function () { /* Completion arrives with kubectl; a tab inserts nothing, as in bash with no match. */ }
  };

  global.LineEditor = LineEditor;
})(window);
