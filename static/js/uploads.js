/* Images in the composer and the redaction editor (no inline script; CSP 'self' only).
 *
 * Composer: pick or drop files; each is sent to POST /uploads with a progress bar. The server answers with
 * the de-identified preview (every proposed box already filled) and the proposals. The editor shows the
 * boxes on a canvas; the author adds, moves, resizes or removes boxes with the mouse or the keyboard and
 * saves them (POST /uploads/<id>/redact). Removing a proposal sends the original file again, so the server
 * can make the image afresh -- the unredacted pixels are never stored.
 * Keyboard: N new box, [ and ] select the previous/next box, arrows move it, Shift+arrows resize it,
 * Delete removes it. Buttons do the same for those who prefer them.
 */
(function () {
  "use strict";

  function csrfToken(element) {
    var form = element.closest("form");
    var input = (form && form.querySelector("input[name=csrf_token]")) || document.querySelector("input[name=csrf_token]");
    return input ? input.value : "";
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  /* The page's sentences in its language (forum/i18n/js_texts.py), from the data-texts attribute of the
   * element a script works on; %(name)s placeholders are filled here. */
  function readTexts(element) {
    try { return JSON.parse(element.getAttribute("data-texts") || "{}"); } catch (error) { return {}; }
  }

  function format(template, values) {
    return String(template || "").replace(/%\((\w+)\)[sd]/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function plural(forms, count) {
    var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || "en") : null;
    var category = rules ? rules.select(count) : (count === 1 ? "one" : "other");
    return format(forms[category] || forms.other, {num: count});
  }

  function sameBox(a, b) {
    return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
  }

  /* ------------------------------------------------------------------ the editor */

  function BoxEditor(container, width, height, onChange, texts) {
    this.texts = texts;
    this.width = width;
    this.height = height;
    this.boxes = [];        // {box: [x, y, w, h], label: string, applied: bool}
    this.selected = -1;
    this.source = null;
    this.onChange = onChange || function () {};
    this.canvas = el("canvas", "redact-canvas");
    this.canvas.width = width;
    this.canvas.height = height;
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute("role", "application");
    this.canvas.setAttribute("aria-label", texts.canvas_label);
    this.describe = el("p", "small redact-description");
    this.describe.setAttribute("aria-live", "polite");
    var tools = el("div", "redact-tools");
    var self = this;
    [[texts.new_box, function () { self.add(); }], [texts.previous_box, function () { self.select(self.selected - 1); }],
     [texts.next_box, function () { self.select(self.selected + 1); }], [texts.remove_box, function () { self.remove(); }]]
      .forEach(function (spec) {
        var button = el("button", "button-secondary small", spec[0]);
        button.type = "button";
        button.addEventListener("click", spec[1]);
        tools.appendChild(button);
      });
    container.appendChild(this.canvas);
    container.appendChild(tools);
    container.appendChild(this.describe);
    this.bindPointer();
    this.bindKeys();
  }

  BoxEditor.prototype.setSource = function (source) {
    this.source = source;
    this.draw();
  };

  BoxEditor.prototype.setBoxes = function (boxes) {
    this.boxes = boxes;
    this.selected = boxes.length ? 0 : -1;
    this.draw();
  };

  BoxEditor.prototype.list = function () {
    return this.boxes.map(function (item) { return item.box.slice(); });
  };

  BoxEditor.prototype.draw = function () {
    var ctx = this.canvas.getContext("2d");
    ctx.fillStyle = "#777";
    ctx.fillRect(0, 0, this.width, this.height);
    if (this.source) { ctx.drawImage(this.source, 0, 0, this.width, this.height); }
    var line = Math.max(2, Math.round(this.width / 300));
    var self = this;
    this.boxes.forEach(function (item, index) {
      var b = item.box;
      ctx.fillStyle = "rgba(0, 0, 0, 0.72)";
      ctx.fillRect(b[0], b[1], b[2], b[3]);
      ctx.lineWidth = index === self.selected ? line * 2 : line;
      ctx.strokeStyle = index === self.selected ? "#ffbf00" : "#e0245e";
      ctx.strokeRect(b[0], b[1], b[2], b[3]);
    });
    var current = this.boxes[this.selected];
    var place = {index: this.selected + 1, count: this.boxes.length};
    if (current) { place.label = current.label; place.position = current.box.join(", "); }
    this.describe.textContent = this.boxes.length === 0 ? this.texts.no_boxes :
      format(current ? this.texts.box_of_at : this.texts.box_of, place);
  };

  BoxEditor.prototype.add = function (box) {
    var w = Math.round(this.width / 5), h = Math.round(this.height / 10);
    box = box || [Math.round((this.width - w) / 2), Math.round((this.height - h) / 2), w, h];
    this.boxes.push({box: box, label: this.texts.your_box, applied: false});
    this.selected = this.boxes.length - 1;
    this.changed();
  };

  BoxEditor.prototype.remove = function () {
    if (this.selected < 0) { return; }
    this.boxes.splice(this.selected, 1);
    this.selected = Math.min(this.selected, this.boxes.length - 1);
    this.changed();
  };

  BoxEditor.prototype.select = function (index) {
    if (!this.boxes.length) { return; }
    this.selected = (index + this.boxes.length) % this.boxes.length;
    this.draw();
  };

  BoxEditor.prototype.clamp = function (b) {
    b[2] = Math.max(4, Math.min(b[2], this.width));
    b[3] = Math.max(4, Math.min(b[3], this.height));
    b[0] = Math.max(0, Math.min(b[0], this.width - b[2]));
    b[1] = Math.max(0, Math.min(b[1], this.height - b[3]));
    return b;
  };

  BoxEditor.prototype.changed = function () {
    this.draw();
    this.onChange();
  };

  BoxEditor.prototype.point = function (event) {
    var rect = this.canvas.getBoundingClientRect();
    return [Math.round((event.clientX - rect.left) * this.width / rect.width),
            Math.round((event.clientY - rect.top) * this.height / rect.height)];
  };

  BoxEditor.prototype.bindPointer = function () {
    var self = this, drag = null;
    this.canvas.addEventListener("pointerdown", function (event) {
      var p = self.point(event);
      var hit = -1;
      self.boxes.forEach(function (item, index) {
        var b = item.box;
        if (p[0] >= b[0] && p[0] <= b[0] + b[2] && p[1] >= b[1] && p[1] <= b[1] + b[3]) { hit = index; }
      });
      if (hit >= 0) {
        self.selected = hit;
        drag = {mode: "move", start: p, box: self.boxes[hit].box.slice()};
      } else {
        self.boxes.push({box: [p[0], p[1], 1, 1], label: self.texts.your_box, applied: false});
        self.selected = self.boxes.length - 1;
        drag = {mode: "draw", start: p};
      }
      self.canvas.setPointerCapture(event.pointerId);
      self.draw();
    });
    this.canvas.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      var p = self.point(event), item = self.boxes[self.selected];
      if (drag.mode === "move") {
        item.box = self.clamp([drag.box[0] + p[0] - drag.start[0], drag.box[1] + p[1] - drag.start[1], drag.box[2], drag.box[3]]);
      } else {
        item.box = [Math.min(p[0], drag.start[0]), Math.min(p[1], drag.start[1]),
                    Math.abs(p[0] - drag.start[0]), Math.abs(p[1] - drag.start[1])];
      }
      self.draw();
    });
    this.canvas.addEventListener("pointerup", function () {
      if (!drag) { return; }
      var item = self.boxes[self.selected];
      if (drag.mode === "draw" && (item.box[2] < 4 || item.box[3] < 4)) {
        self.boxes.splice(self.selected, 1);
        self.selected = self.boxes.length - 1;
      } else if (item) {
        self.clamp(item.box);
      }
      drag = null;
      self.changed();
    });
  };

  BoxEditor.prototype.bindKeys = function () {
    var self = this;
    this.canvas.addEventListener("keydown", function (event) {
      var step = Math.max(1, Math.round(Math.max(self.width, self.height) / 100));
      var item = self.boxes[self.selected];
      var moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]};
      if (event.key === "n" || event.key === "N") {
        self.add();
      } else if (event.key === "]") {
        self.select(self.selected + 1);
      } else if (event.key === "[") {
        self.select(self.selected - 1);
      } else if ((event.key === "Delete" || event.key === "Backspace") && item) {
        self.remove();
      } else if (moves[event.key] && item) {
        var d = moves[event.key];
        if (event.shiftKey) {
          item.box[2] += d[0];
          item.box[3] += d[1];
        } else {
          item.box[0] += d[0];
          item.box[1] += d[1];
        }
        self.clamp(item.box);
        self.changed();
      } else {
        return;
      }
      event.preventDefault();
    });
  };

  function loadImage(url, done) {
    var image = new Image();
    image.addEventListener("load", function () { done(image); });
    image.src = url;
  }

  /* ------------------------------------------------------------------ the composer */

  function Composer(root) {
    this.root = root;
    this.texts = readTexts(root);
    this.field = root.querySelector(".image-attachments");
    this.list = root.querySelector(".image-list");
    this.status = root.querySelector(".image-status");
    this.consent = root.querySelector(".image-consent");
    this.items = [];
    var self = this;
    var picker = root.querySelector(".image-picker");
    picker.addEventListener("change", function () {
      Array.prototype.forEach.call(picker.files, function (file) { self.upload(file); });
      picker.value = "";
    });
    var drop = root.querySelector(".image-drop");
    drop.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { picker.click(); event.preventDefault(); }
    });
    ["dragenter", "dragover"].forEach(function (name) {
      root.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("is-over"); });
    });
    root.addEventListener("dragleave", function () { drop.classList.remove("is-over"); });
    root.addEventListener("drop", function (event) {
      event.preventDefault();
      drop.classList.remove("is-over");
      Array.prototype.forEach.call(event.dataTransfer.files, function (file) { self.upload(file); });
    });
    Array.prototype.forEach.call(this.list.querySelectorAll(".image-item[data-upload]"), function (li) {
      self.show(li, JSON.parse(li.getAttribute("data-upload")), null);
    });
    var form = root.closest("form");
    if (form) {
      form.addEventListener("submit", function (event) {
        var unsaved = self.items.some(function (item) { return item.dirty; });
        var busy = self.items.some(function (item) { return item.busy; });
        if (unsaved || busy) {
          event.preventDefault();
          self.say(busy ? self.texts.wait_processing : self.texts.save_first);
        }
      });
    }
  }

  Composer.prototype.say = function (message) { this.status.textContent = message; };

  Composer.prototype.syncField = function () {
    this.field.value = this.items.filter(function (item) { return item.data; })
      .map(function (item) { return item.data.id; }).join(",");
    if (this.consent) { this.consent.classList.toggle("is-hidden", !this.field.value); }
  };

  Composer.prototype.send = function (url, formData, progress, done) {
    var texts = this.texts;
    var request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("X-CSRFToken", csrfToken(this.root));
    request.setRequestHeader("Accept", "application/json");
    if (progress) {
      request.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) { progress.value = Math.round(100 * event.loaded / event.total); }
      });
    }
    request.addEventListener("load", function () {
      var body = null;
      try { body = JSON.parse(request.responseText); } catch (error) { body = null; }
      if (request.status >= 200 && request.status < 300 && body) { done(null, body); }
      else { done((body && body.error) || format(texts.not_processed, {status: request.status})); }
    });
    request.addEventListener("error", function () { done(texts.interrupted); });
    request.send(formData);
  };

  Composer.prototype.upload = function (file) {
    var self = this;
    var li = el("li", "image-item");
    var name = el("p", "small", file.name);
    var progress = el("progress");
    progress.max = 100;
    progress.value = 0;
    var note = el("p", "small muted", this.texts.uploading);
    li.appendChild(name);
    li.appendChild(progress);
    li.appendChild(note);
    this.list.appendChild(li);
    var item = {busy: true, li: li};
    this.items.push(item);
    var data = new FormData();
    data.append("file", file);
    data.append("group", this.root.getAttribute("data-group"));
    this.send(this.root.getAttribute("data-upload-url"), data, progress, function (error, body) {
      item.busy = false;
      if (error) {
        note.textContent = error;
        note.className = "small error";
        progress.remove();
        self.items.splice(self.items.indexOf(item), 1);
        var dismiss = el("button", "link-button small", self.texts.dismiss);
        dismiss.type = "button";
        dismiss.addEventListener("click", function () { li.remove(); });
        li.appendChild(dismiss);
        return;
      }
      li.textContent = "";
      self.items.splice(self.items.indexOf(item), 1);
      self.show(li, body, file);
    });
  };

  Composer.prototype.show = function (li, data, file) {
    var self = this;
    var item = {data: data, file: file, li: li, dirty: false, busy: false};
    this.items.push(item);
    li.classList.add("image-item");
    var summary = el("p", "small image-findings");
    var holder = el("div", "redact-editor");
    var actions = el("div", "image-actions");
    var save = el("button", "button small", this.texts.save_boxes);
    save.type = "button";
    var remove = el("button", "link-button small", this.texts.remove_image);
    remove.type = "button";
    actions.appendChild(save);
    actions.appendChild(remove);
    li.appendChild(summary);
    li.appendChild(holder);
    li.appendChild(actions);
    var editor = new BoxEditor(holder, data.width, data.height, function () {
      item.dirty = true;
      save.classList.add("is-pending");
    }, this.texts);
    item.editor = editor;

    function present(body) {
      item.data = body;
      var labels = {};
      body.findings.forEach(function (finding) { labels[finding.box.join(",")] = finding.type + ": " + finding.explanation; });
      editor.setBoxes(body.boxes.map(function (box) {
        return {box: box.slice(), label: labels[box.join(",")] || self.texts.your_box, applied: true};
      }));
      summary.textContent = body.findings.length ? plural(self.texts.proposed, body.findings.length) :
        self.texts.nothing_found;
      loadImage(body.preview_url, function (image) {
        editor.setSource(image);
        if (item.file && window.createImageBitmap) {
          // Show the author's own file under the boxes (never uploaded again unless a proposal is removed).
          createImageBitmap(item.file).then(function (bitmap) {
            if (bitmap.width === body.width && bitmap.height === body.height) { editor.setSource(bitmap); }
          }).catch(function () {});
        }
      });
      self.syncField();
    }

    save.addEventListener("click", function () {
      var applied = item.data.boxes;
      var boxes = editor.list();
      var keepsAll = applied.every(function (old) { return boxes.some(function (b) { return sameBox(b, old); }); });
      var form = new FormData();
      if (keepsAll) {
        form.append("boxes", JSON.stringify(boxes.filter(function (b) {
          return !applied.some(function (old) { return sameBox(b, old); });
        })));
      } else if (item.file) {
        form.append("boxes", JSON.stringify(boxes));
        form.append("file", item.file);
      } else {
        self.say(self.texts.original_needed);
        return;
      }
      save.disabled = true;
      item.busy = true;
      self.say(self.texts.saving);
      var url = self.root.getAttribute("data-redact-url").replace("UPLOAD_ID", item.data.id);
      self.send(url, form, null, function (error, body) {
        save.disabled = false;
        item.busy = false;
        if (error) { self.say(error); return; }
        item.dirty = false;
        save.classList.remove("is-pending");
        self.say(self.texts.saved);
        present(body);
      });
    });
    remove.addEventListener("click", function () {
      self.items.splice(self.items.indexOf(item), 1);
      li.remove();
      self.syncField();
    });
    present(data);
  };

  /* ------------------------------------------------------------------ the moderators' page */

  function ModeratorRedaction(form) {
    var width = parseInt(form.getAttribute("data-width"), 10);
    var height = parseInt(form.getAttribute("data-height"), 10);
    var field = form.querySelector(".redact-boxes");
    var editor = new BoxEditor(form.querySelector(".redact-editor"), width, height, function () {
      field.value = JSON.stringify(editor.list());
    }, readTexts(form));
    loadImage(form.getAttribute("data-image-url"), function (image) { editor.setSource(image); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".image-uploads"), function (root) { new Composer(root); });
    Array.prototype.forEach.call(document.querySelectorAll(".redact-form"), function (form) { new ModeratorRedaction(form); });
  });
}());
