/*
 * The editor that `vi FILE` and `kubectl edit` open over the terminal: a plain textarea with the file's
 * text. Ctrl-S saves and closes it (vim's :wq), Esc quits without saving (:q!); with unsaved changes the
 * first Esc only warns, as vim users press Esc out of habit. Tab inserts two spaces (YAML has no tabs).
 */
(function (global) {
  'use strict';

  var INDENT = '  ';

  /** onSave(id, text) and onQuit(id) send the student's choice to the sandbox. */
  function FileEditor(onSave, onQuit) {
    this.panel = document.getElementById('editor');
    this.title = document.getElementById('editor-title');
    this.status = document.getElementById('editor-status');
    this.text = document.getElementById('editor-text');
    this.onSave = onSave;
    this.onQuit = onQuit;
    this.id = null;
    this.original = '';
    this.warned = false;
    this.busy = false;
    var self = this;
    document.getElementById('editor-save').addEventListener('click', function () { self.save(); });
    document.getElementById('editor-quit').addEventListener('click', function () { self.quit(true); });
    this.text.addEventListener('keydown', function (e) { self.key(e); });
    this.text.addEventListener('input', function () { self.warned = false; });
  }

  /** Shows {id, title, text}; {@code message} (a failed save's complaint) goes in the bar. */
  FileEditor.prototype.open = function (edit, message) {
    this.id = edit.id;
    this.original = edit.text;
    this.warned = false;
    this.busy = false;
    this.title.textContent = edit.title;
    this.status.textContent = message || '';
    this.text.value = edit.text;
    this.panel.hidden = false;
    this.text.focus();
    this.text.setSelectionRange(0, 0);
    this.text.scrollTop = 0;
  };

  FileEditor.prototype.isOpen = function () {
    return !this.panel.hidden;
  };

  FileEditor.prototype.close = function () {
    this.panel.hidden = true;
    this.id = null;
    this.text.value = '';
  };

  FileEditor.prototype.save = function () {
    if (this.busy || this.id === null) { return; }
    this.busy = true;
    this.status.textContent = 'saving…';
    this.onSave(this.id, this.text.value);
  };

  /** Quits; a changed text needs a second Esc (or the Quit button, which asks no more). */
  FileEditor.prototype.quit = function (sure) {
    if (this.busy || this.id === null) { return; }
    if (!sure && !this.warned && this.text.value !== this.original) {
      this.warned = true;
      this.status.textContent = 'Unsaved changes: Esc again quits without saving, Ctrl-S saves.';
      return;
    }
    this.busy = true;
    this.onQuit(this.id);
  };

  /** The sandbox could not be reached: the text stays, to be saved again. */
  FileEditor.prototype.failed = function (message) {
    this.busy = false;
    this.status.textContent = message;
  };

  FileEditor.prototype.key = function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      this.save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.quit(false);
    } else if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      var at = this.text.selectionStart;
      this.text.setRangeText(INDENT, at, this.text.selectionEnd, 'end');
      this.warned = false;
    }
  };

  global.FileEditor = FileEditor;
})(window);
