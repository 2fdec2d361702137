/*
 * A small readline for the browser terminal: the line is edited here, so typing feels instant, and sent
 * to the sandbox's shell on Enter. Emacs keys as in bash (arrows, Home/End, Ctrl-A/E/B/F/U/K/W/Y with a
 * kill ring, Alt-B/F/D, Ctrl-L, Ctrl-C, Ctrl-D), history with Up/Down and Ctrl-R, Tab completion asked
 * of the server, "> " continuation lines for heredocs and open quotes, pasted lines run one by one.
 */
(function (global) {
  'use strict';

  var CONTINUATION = '> ';
  /** readline's completion-query-items: more candidates than this ask before listing. */
  var QUERY_ITEMS = 100;

  function LineEditor(term, prompt, onLine) {
    this.term = term;
    this.prompt = prompt;
    this.onLine = onLine;
    /** function (line, cursor, done(reply)): asks the shell what Tab offers; null completes nothing. */
    this.completer = null;
    this.buffer = '';
    this.cursor = 0;
    this.history = [];
    this.historyIndex = 0;
    this.draft = '';
    this.active = false;
    this.busy = false;
    this.shown = { row: 0 };
    this.pending = [];
    this.lines = [];
    this.killRing = [];
    this.lastKey = null;
    this.search = null;
    this.question = null;
  }

  LineEditor.prototype.setHistory = function (lines) {
    this.history = lines.slice();
    this.historyIndex = this.history.length;
  };

  /** Shows the prompt and takes keys again. */
  LineEditor.prototype.start = function () {
    this.lines = [];
    this.begin(this.prompt);
  };

  LineEditor.prototype.begin = function (prompt) {
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = this.history.length;
    this.draft = '';
    this.active = true;
    this.currentPrompt = prompt;
    this.shown = { row: 0 };
    this.term.write(prompt);
    this.drain();
  };

  /** Feeds what arrived while a command ran or a completion was asked, until something stops us again. */
  LineEditor.prototype.drain = function () {
    while (this.pending.length > 0 && this.active && !this.busy) {
      this.feed(this.pending.shift());
    }
  };

  /** Takes what the terminal reports: typed keys, escape sequences, or pasted text. */
  LineEditor.prototype.feed = function (data) {
    if (!this.active || this.busy) {
      if (data === '\x03' && !this.active) { this.pending = []; } else { this.pending.push(data); }
      return;
    }
    if (this.question) { this.question(data); return; }
    if (this.search && searchKey.call(this, data)) { return; }
    var key = KEYS[data];
    var previous = this.lastKey;
    this.lastKey = data;
    if (key) {
      this.killing = KILLS.indexOf(data) >= 0 && KILLS.indexOf(previous) >= 0;
      key.call(this, previous);
      return;
    }
    if (data.length > 1 && data.charAt(0) !== '\x1b') { this.paste(data); return; }
    if (data >= ' ' && data !== '\x7f') { this.insert(data); }
  };

  /** Pasted lines run one after another, as if typed with Enter; a heredoc's lines gather into one command. */
  LineEditor.prototype.paste = function (text) {
    var lines = text.replace(/\r\n?/g, '\n').split('\n');
    this.insert(lines[0]);
    if (lines.length > 1) {
      var rest = lines.slice(1).join('\n');
      if (rest.length > 0) { this.pending.unshift(rest); }
      this.enter();
    }
  };

  LineEditor.prototype.insert = function (text) {
    text = text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').replace(/\t/g, ' ');
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
    this.redraw();
  };

  /** Enter: runs the command, or asks for the next line of an unfinished heredoc or quote with "> ". */
  LineEditor.prototype.enter = function () {
    this.cursor = this.buffer.length;
    this.redraw();
    this.term.write('\r\n');
    this.lines.push(this.buffer);
    var command = this.lines.join('\n');
    if (ShellInput.unfinished(command)) {
      this.begin(CONTINUATION);
      return;
    }
    this.active = false;
    this.lines = [];
    // bash drops a backslash-newline before it reads the command.
    command = command.replace(/\\\n/g, '');
    var remembered = command.trim();
    if (remembered.length > 0 && this.history[this.history.length - 1] !== remembered) {
      this.history.push(remembered);
    }
    this.onLine(command);
  };

  LineEditor.prototype.setLine = function (text, cursor) {
    this.buffer = text;
    this.cursor = cursor === undefined ? text.length : cursor;
    this.redraw();
  };

  /** Rewrites the prompt and line in place, then puts the cursor where it belongs; lines may wrap. */
  LineEditor.prototype.redraw = function () {
    var prompt = this.search ? searchPrompt(this.search) : this.currentPrompt;
    this.paint(prompt, this.buffer, this.cursor);
  };

  LineEditor.prototype.paint = function (prompt, text, cursor) {
    var cols = this.term.cols;
    var p = visibleLength(prompt);
    var out = '';
    if (this.shown.row > 0) { out += '\x1b[' + this.shown.row + 'A'; }
    out += '\r' + prompt + text.replace(/\n/g, '\r\n') + '\x1b[J';
    var endAt = place(p, text, text.length, cols);
    if (endAt.col === 0 && endAt.wrapped) { out += ' \b'; }
    var target = place(p, text, cursor, cols);
    if (endAt.row > target.row) { out += '\x1b[' + (endAt.row - target.row) + 'A'; }
    out += '\r';
    if (target.col > 0) { out += '\x1b[' + target.col + 'C'; }
    this.term.write(out);
    this.shown = { row: target.row };
  };

  /** Where character {@code upto} of the text lands after a prompt of {@code p} columns: rows wrap and break at newlines. */
  function place(p, text, upto, cols) {
    var row = Math.floor(p / cols);
    var col = p % cols;
    var wrapped = false;
    for (var i = 0; i < upto; i++) {
      if (text.charAt(i) === '\n') {
        row++;
        col = 0;
        wrapped = false;
      } else if (++col === cols) {
        row++;
        col = 0;
        wrapped = true;
      }
    }
    return { row: row, col: col, wrapped: wrapped };
  }

  /** Leaves the line as it is and starts on the next row, as bash does before a listing or ^C. */
  LineEditor.prototype.below = function (suffix) {
    var cursor = this.cursor;
    this.cursor = this.buffer.length;
    this.redraw();
    this.cursor = cursor;
    this.term.write((suffix || '') + '\r\n');
  };

  /** Shows the prompt and the line again after a listing. */
  LineEditor.prototype.reprint = function () {
    this.shown = { row: 0 };
    this.term.write(this.currentPrompt);
    this.redraw();
  };

  function visibleLength(s) {
    return s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').length;
  }

  // ---- words and the kill ring -------------------------------------------------------------------

  function isWordChar(c) { return /[A-Za-z0-9]/.test(c); }

  /** Ctrl-W's words end at white space (unix-word-rubout); Alt-B/F/D's at anything not alphanumeric. */
  function back(buffer, from, inWord) {
    var i = from;
    while (i > 0 && !inWord(buffer.charAt(i - 1))) { i--; }
    while (i > 0 && inWord(buffer.charAt(i - 1))) { i--; }
    return i;
  }

  function forward(buffer, from, inWord) {
    var i = from;
    while (i < buffer.length && !inWord(buffer.charAt(i))) { i++; }
    while (i < buffer.length && inWord(buffer.charAt(i))) { i++; }
    return i;
  }

  function notSpace(c) { return c !== ' '; }

  /** Cuts buffer[from, to) into the kill ring; consecutive kills grow one entry, as in readline. */
  LineEditor.prototype.kill = function (from, to) {
    if (from === to) { return; }
    var text = this.buffer.slice(from, to);
    if (this.killing && this.killRing.length > 0) {
      var last = this.killRing.pop();
      text = from < this.cursor ? text + last : last + text;
    }
    this.killRing.push(text);
    if (this.killRing.length > 10) { this.killRing.shift(); }
    this.buffer = this.buffer.slice(0, from) + this.buffer.slice(to);
    this.cursor = from;
    this.redraw();
  };

  // ---- keys --------------------------------------------------------------------------------------

  function move(to) { return function () { this.cursor = to.call(this); this.redraw(); }; }

  var left = move(function () { return Math.max(0, this.cursor - 1); });
  var right = move(function () { return Math.min(this.buffer.length, this.cursor + 1); });
  var home = move(function () { return 0; });
  var end = move(function () { return this.buffer.length; });
  var wordLeft = move(function () { return back(this.buffer, this.cursor, isWordChar); });
  var wordRight = move(function () { return forward(this.buffer, this.cursor, isWordChar); });
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
  var abandon = function () {
    this.search = null;
    this.question = null;
    this.below('^C');
    this.start();
  };

  var KEYS = {
    '\r': function () { this.enter(); },
    '\x7f': backspace, '\b': backspace,
    '\x1b[D': left, '\x02': left,
    '\x1b[C': right, '\x06': right,
    '\x1b[A': up, '\x10': up,
    '\x1b[B': down, '\x0e': down,
    '\x1b[H': home, '\x1bOH': home, '\x1b[1~': home, '\x01': home,
    '\x1b[F': end, '\x1bOF': end, '\x1b[4~': end, '\x05': end,
    '\x1b[3~': del,
    '\x1b[1;5D': wordLeft, '\x1bb': wordLeft, '\x1b[1;3D': wordLeft,
    '\x1b[1;5C': wordRight, '\x1bf': wordRight, '\x1b[1;3C': wordRight,
    // Ctrl-D deletes the character under the cursor; on an empty line bash would log out: we stay.
    '\x04': function () { if (this.buffer.length > 0) { del.call(this); } },
    '\x15': function () { this.kill(0, this.cursor); },
    '\x0b': function () { this.kill(this.cursor, this.buffer.length); },
    '\x17': function () { this.kill(back(this.buffer, this.cursor, notSpace), this.cursor); },
    '\x1bd': function () { this.kill(this.cursor, forward(this.buffer, this.cursor, isWordChar)); },
    '\x1b\x7f': function () { this.kill(back(this.buffer, this.cursor, isWordChar), this.cursor); },
    '\x19': function () {
      if (this.killRing.length > 0) { this.insert(this.killRing[this.killRing.length - 1]); }
    },
    '\x03': abandon,
    '\x0c': function () {
      this.term.write('\x1b[H\x1b[2J');
      this.shown = { row: 0 };
      this.redraw();
    },
    '\x12': function () {
      this.search = { query: '', index: this.history.length, match: -1, failed: false,
        original: this.buffer, originalCursor: this.cursor };
      this.redraw();
    },
    '\t': function (previous) { this.complete(previous === '\t'); }
  };
  var KILLS = ['\x15', '\x0b', '\x17', '\x1bd', '\x1b\x7f'];

  // ---- Ctrl-R: reverse incremental search --------------------------------------------------------

  function searchPrompt(s) {
    return '(' + (s.failed ? 'failed ' : '') + 'reverse-i-search)`' + s.query + '\': ';
  }

  /** Finds the newest history line before {@code from} holding the query; shows it with the cursor on it. */
  LineEditor.prototype.findBack = function (from) {
    var s = this.search;
    for (var i = from; i >= 0; i--) {
      var at = i < this.history.length ? this.history[i].indexOf(s.query) : -1;
      if (at >= 0) {
        s.index = i;
        s.failed = false;
        this.buffer = this.history[i];
        this.cursor = at;
        this.redraw();
        return;
      }
    }
    s.failed = true;
    this.redraw();
  };

  /** Keys while searching; false hands the key on to normal editing once the search has ended. */
  function searchKey(data) {
    var s = this.search;
    if (data === '\x12') {
      if (s.query) { this.findBack(s.index - 1); }
      return true;
    }
    if (data === '\x7f' || data === '\b') {
      s.query = s.query.slice(0, -1);
      this.findBack(this.history.length - 1);
      return true;
    }
    if (data === '\x07') {
      this.search = null;
      this.setLine(s.original, s.originalCursor);
      return true;
    }
    if (data.length === 1 && data >= ' ') {
      s.query += data;
      this.findBack(s.index < this.history.length ? s.index : this.history.length - 1);
      return true;
    }
    this.search = null;
    this.historyIndex = s.index;
    this.redraw();
    return data === '\x1b';
  }

  // ---- Tab -----------------------------------------------------------------------------------------

  /**
   * Asks the shell what fits the word before the cursor: one candidate is inserted (with a space, or
   * none after a directory), several insert their common prefix; when that adds nothing, a second Tab
   * lists them below the line in readline's columns and prints the prompt and line again.
   */
  LineEditor.prototype.complete = function (again) {
    if (!this.completer) { return; }
    var self = this;
    var line = this.buffer;
    var cursor = this.cursor;
    this.busy = true;
    this.completer(line, cursor, function (reply) {
      self.busy = false;
      if (reply && self.active && self.buffer === line && self.cursor === cursor) {
        self.applyCompletion(reply, again);
      }
      self.drain();
    });
  };

  LineEditor.prototype.applyCompletion = function (reply, again) {
    var words = reply.candidates || [];
    var from = reply.replace.from;
    var typed = this.buffer.slice(from, reply.replace.to);
    if (words.length === 0) { return; }
    if (words.length === 1) {
      this.replaceWord(from, reply.replace.to, words[0] + (reply.space ? ' ' : ''));
      return;
    }
    var prefix = commonPrefix(words);
    if (prefix.length > typed.length) {
      this.replaceWord(from, reply.replace.to, prefix);
      return;
    }
    if (!again) { return; }
    var items = CompletionList.items(reply.display || words, reply.descriptions || [], this.term.cols);
    var self = this;
    var list = function () {
      self.term.write(CompletionList.columns(items, self.term.cols));
      self.reprint();
    };
    if (items.length <= QUERY_ITEMS) {
      this.below();
      list();
      return;
    }
    this.below();
    this.term.write('Display all ' + items.length + ' possibilities? (y or n)');
    this.question = function (answer) {
      if (answer !== 'y' && answer !== 'Y' && answer !== ' ' && answer !== 'n' && answer !== 'N'
          && answer !== '\x7f' && answer !== '\x03') { return; }
      self.question = null;
      self.term.write('\r\n');
      if (answer === 'y' || answer === 'Y' || answer === ' ') { list(); } else { self.reprint(); }
    };
  };

  LineEditor.prototype.replaceWord = function (from, to, text) {
    this.buffer = this.buffer.slice(0, from) + text + this.buffer.slice(to);
    this.cursor = from + text.length;
    this.redraw();
  };

  function commonPrefix(words) {
    var prefix = words[0];
    for (var i = 1; i < words.length; i++) {
      var j = 0;
      while (j < prefix.length && j < words[i].length && prefix.charAt(j) === words[i].charAt(j)) { j++; }
      prefix = prefix.slice(0, j);
    }
    return prefix;
  }

  global.LineEditor = LineEditor;
})(window);

/*
 * What bash decides about a line before running it: whether it is finished, or a heredoc's body or a
 * quoted string still goes on (bash then prompts with "> "). Quotes, backslashes, <<WORD, <<-WORD,
 * <<'WORD' and lines ending in |, && or || are what keep a command open.
 */
(function (global) {
  'use strict';

  var HEREDOC = /^<<(-?)[ \t]*(['"]?)([A-Za-z0-9_.-]+)\2/;

  function unfinished(text) {
    var lines = text.split('\n');
    var quote = '';
    var bodies = [];
    var last = '';
    for (var n = 0; n < lines.length; n++) {
      var line = lines[n];
      if (!quote && bodies.length > 0) {
        var body = bodies[0];
        if ((body.strip ? line.replace(/^\t+/, '') : line) === body.word) { bodies.shift(); }
        continue;
      }
      for (var i = 0; i < line.length; i++) {
        var c = line.charAt(i);
        if (quote) {
          if (c === quote) { quote = ''; } else if (c === '\\' && quote === '"') { i++; }
          continue;
        }
        if (c === '\\') {
          if (i === line.length - 1) { quote = '\\'; }
          i++;
        } else if (c === '\'' || c === '"') {
          quote = c;
        } else if (c === '#' && (i === 0 || /\s/.test(line.charAt(i - 1)))) {
          break;
        } else if (line.slice(i, i + 3) === '<<<') {
          i += 2;
        } else if (c === '<') {
          var m = HEREDOC.exec(line.slice(i));
          if (m) {
            bodies.push({ strip: m[1] === '-', word: m[3] });
            i += m[0].length - 1;
          }
        }
      }
      if (quote === '\\') { quote = ''; last = '\\'; continue; }
      last = line.trim();
    }
    return quote !== '' || bodies.length > 0 || last === '\\' || /(\|\||&&|\|)$/.test(last);
  }

  global.ShellInput = { unfinished: unfinished };
})(window);

/*
 * A completion listing as readline prints it: items sorted down the columns, each column as wide as the
 * longest item plus two spaces, as many columns as fit the terminal. kubectl's candidates carry
 * descriptions, which its bash script shows as "name  (description)", cut to the width with an ellipsis.
 */
(function (global) {
  'use strict';

  function items(words, descriptions, cols) {
    var longest = 0;
    var described = false;
    for (var i = 0; i < words.length; i++) {
      longest = Math.max(longest, words[i].length);
      if (descriptions[i]) { described = true; }
    }
    if (!described) { return words.slice(); }
    return words.map(function (word, k) {
      var desc = descriptions[k];
      if (!desc) { return word; }
      var room = cols - longest - 4;
      var out = word;
      if (room > 8) {
        while (out.length < longest) { out += ' '; }
      } else {
        room = cols - word.length - 4;
      }
      if (room > 0) {
        if (desc.length > room) { desc = desc.slice(0, room - 1) + '\u2026'; }
        out += '  (' + desc + ')';
      }
      return out;
    });
  }

  function columns(list, cols) {
    var max = 0;
    list.forEach(function (item) { max = Math.max(max, item.length); });
    max += 2;
    var limit = Math.floor(cols / max);
    if (limit !== 1 && limit * max === cols) { limit--; }
    if (limit <= 0) { limit = 1; }
    var rows = Math.ceil(list.length / limit);
    var out = '';
    for (var r = 0; r < rows; r++) {
      var line = '';
      for (var c = 0; c < limit; c++) {
        var k = r + c * rows;
        if (k >= list.length) { break; }
        line += list[k];
        if (c + 1 < limit && r + (c + 1) * rows < list.length) {
          line += new Array(max - list[k].length + 1).join(' ');
        }
      }
      out += line + '\r\n';
    }
    return out;
  }

  global.CompletionList = { items: items, columns: columns };
})(window);
