// End-to-end encrypted communications, in the PoC's browser, with the
// vendored OpenPGP.js (/static/openpgp.min.js, see static/vendor/README.md).
// The server never sees the plaintext nor the private key:
// - the compose form (#e2e): on sending, the chosen recipients' keys are
//   fetched (/api/v1/communications/keys, each logged as a read of its
//   entry); the subject, fields and text are
//   encrypted here to those keys and the sender's own, put
//   in #ciphertext, and the fields in clear are emptied before the post;
//   each file is encrypted to the same keys (binary OpenPGP, its name
//   inside) and sent as file-1.pgp...; the text lists each file's name and
//   the SHA-256 of its ciphertext, so a reader notices a file swapped;
// - a thread (.e2e-message): "Decrypt on this device" with the key kept in
//   this browser, shown as text only (never as HTML); its files are fetched
//   as ciphertext, checked against the text's list, decrypted and offered
//   to save (never opened in the page);
// - the account page (#e2e-key): the private key imported once and kept in
//   localStorage encrypted under the PoC's passphrase (OpenPGP's own key
//   encryption), or forgotten.
// Every message shown comes from the page's data-msg-* attributes, so it is
// in the reader's language. No inline script: the CSP is script-src 'self'.
(function () {
  "use strict";
  var STORE = "pocdir.e2e.private-key";

  function reveal(root) {
    root.querySelectorAll(".e2e-nojs").forEach(function (el) { el.hidden = true; });
    root.querySelectorAll(".e2e-js").forEach(function (el) { el.hidden = false; });
  }

  function say(el, text) {
    if (el) { el.textContent = text; }
  }

  function storedKey() {
    try { return window.localStorage.getItem(STORE); } catch (e) { return null; }
  }

  function value(form, name) {
    var el = form.elements.namedItem(name);
    return el && "value" in el ? el.value : "";
  }

  function clear(form, name) {
    var el = form.elements.namedItem(name);
    if (el && "value" in el) { el.value = ""; }
  }

  // The types a communication may carry, as the server's attachment rules
  // (crates/domain/src/communication/attachment.rs): known by content, the
  // name's ending agreeing. The server cannot look inside a sealed file, so
  // the sender's browser checks before sealing and the reader's after
  // opening.
  var ENDINGS = {
    pdf: ["pdf"], png: ["png"], jpeg: ["jpg", "jpeg"],
    text: ["txt", "log", "csv", "json", "xml", "md", "asc"]
  };
  function starts(bytes, magic) {
    if (bytes.length < magic.length) { return false; }
    for (var i = 0; i < magic.length; i++) { if (bytes[i] !== magic[i]) { return false; } }
    return true;
  }
  function fileType(bytes, name) {
    var type = null;
    if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) { type = "pdf"; }
    else if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) { type = "png"; }
    else if (starts(bytes, [0xff, 0xd8, 0xff])) { type = "jpeg"; }
    else if (bytes.length > 0) {
      try {
        var text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) { type = "text"; }
      } catch (e) { type = null; }
    }
    var dot = name.lastIndexOf(".");
    var ending = dot >= 0 ? name.slice(dot + 1).toLowerCase() : "";
    return type && ENDINGS[type].indexOf(ending) >= 0 ? type : null;
  }
  function sha256(bytes) {
    return window.crypto.subtle.digest("SHA-256", bytes).then(function (d) {
      return Array.prototype.map.call(new Uint8Array(d), function (b) {
        return ("0" + b.toString(16)).slice(-2);
      }).join("");
    });
  }
  // A size in the page's language, as the server writes it (kB rounded
  // up, MB from 1 MiB), through the browser's own unit formatting.
  function sizeText(n) {
    var mb = n >= 1024 * 1024;
    var value = mb ? Math.floor(n / (1024 * 1024)) : Math.max(1, Math.ceil(n / 1024));
    try {
      return new Intl.NumberFormat(document.documentElement.lang || undefined,
        { style: "unit", unit: mb ? "megabyte" : "kilobyte", unitDisplay: "short" }).format(value);
    } catch (e) {
      return value + (mb ? " MB" : " kB");
    }
  }
  function readFile(file) {
    return file.arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  // --- compose ---
  function compose(box) {
    var form = box.closest("form");
    var on = document.getElementById("e2e-on");
    var ciphertext = document.getElementById("ciphertext");
    var status = document.getElementById("comm-e2e-status");
    if (!form || !on || !ciphertext) { return; }
    reveal(box);
    var busy = false;
    form.addEventListener("submit", function (ev) {
      // Not end to end, or a ciphertext pasted from the PoC's own tool.
      if (!on.checked || ciphertext.value.trim() !== "" || busy) { return; }
      ev.preventDefault();
      var label = form.querySelector("input[name=tlp]:checked");
      if (!label || (label.value !== "RED" && label.value !== "AMBER+STRICT")) {
        say(status, box.dataset.msgLabel); return;
      }
      var input = document.getElementById("attachments");
      var files = input && input.files ? Array.prototype.slice.call(input.files) : [];
      // A reply goes to everyone of its parent (listed in the form); a new
      // message to the named PoCs chosen, or (AMBER+STRICT) to the PoCs of
      // whole States, whose keys the server looks up as it will check them.
      var chosen = Array.prototype.slice.call(box.querySelectorAll(".e2e-reader"));
      var query;
      var byState = document.getElementById("address-states");
      if (chosen.length === 0 && byState && byState.checked) {
        var states = Array.prototype.slice.call(form.querySelectorAll("#states option:checked"))
          .map(function (o) { return o.value; });
        var roles = form.querySelector("input[name=roles]:checked");
        if (states.length === 0) { say(status, box.dataset.msgNobody); return; }
        query = "states=" + encodeURIComponent(states.join(",")) +
          "&roles=" + encodeURIComponent(roles ? roles.value : "both");
      } else {
        if (chosen.length === 0) {
          chosen = Array.prototype.slice.call(form.querySelectorAll("input[name=accounts]:checked"));
          if (chosen.length === 0) { say(status, box.dataset.msgNobody); return; }
        }
        var missing = chosen.filter(function (c) { return c.dataset.hasKey !== "true"; })
          .map(function (c) { return c.dataset.name; });
        if (missing.length > 0) {
          say(status, box.dataset.msgNoKey + " " + missing.join(", ")); return;
        }
        query = "accounts=" + encodeURIComponent(chosen.map(function (c) {
          return c.dataset.account || c.value;
        }).join(","));
      }
      if (!box.dataset.senderKey) { say(status, box.dataset.msgOwnKey); return; }
      busy = true;
      say(status, box.dataset.msgEncrypting);
      var when = function (name) {
        return { local: value(form, name + "_local"), zone: value(form, name + "_zone") };
      };
      var sectors = Array.prototype.slice.call(form.querySelectorAll("input[name=sectors]:checked"))
        .map(function (s) { return { code: s.value, label: s.parentElement.textContent.trim() }; });
      var keys;
      // The chosen recipients' keys, asked for now: each is a contact
      // detail, logged as a read of its entry by the server.
      window.fetch("/api/v1/communications/keys?" + query,
        { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) {
          if (!r.ok) { throw new Error(box.dataset.msgKeys); }
          return r.json();
        })
        .then(function (body) {
          var armored = body.keys.map(function (k) { return k.key; }).concat([box.dataset.senderKey]);
          return Promise.all(armored.map(function (k) { return openpgp.readKey({ armoredKey: k }); }));
        })
        .then(function (k) {
          keys = k;
          return Promise.all(files.map(readFile));
        })
        .then(function (contents) {
          var wrong = files.filter(function (f, i) { return !fileType(contents[i], f.name); });
          if (wrong.length > 0) {
            throw new Error(box.dataset.msgFileType + " " +
              wrong.map(function (f) { return f.name; }).join(", "));
          }
          // Each file sealed to the same keys, its name inside.
          return Promise.all(contents.map(function (bytes, i) {
            return openpgp.createMessage({ binary: bytes, filename: files[i].name, format: "binary" })
              .then(function (m) {
                return openpgp.encrypt({ message: m, encryptionKeys: keys, format: "binary" });
              })
              .then(function (sealed) {
                return sha256(sealed).then(function (digest) {
                  return {
                    sealed: sealed,
                    listed: {
                      name: files[i].name, type: fileType(bytes, files[i].name),
                      size: bytes.length, sha256: digest
                    }
                  };
                });
              });
          }));
        })
        .then(function (sealedFiles) {
          var plain = JSON.stringify({
            format: "pocdir-e2e/1",
            subject: value(form, "subject"),
            started: when("started"),
            detected: when("detected"),
            sectors: sectors,
            impact: value(form, "impact"),
            requested_action: value(form, "requested_action"),
            respond_by: when("respond_by"),
            text: value(form, "text"),
            files: sealedFiles.map(function (f) { return f.listed; })
          });
          return openpgp.createMessage({ text: plain })
            .then(function (message) {
              return openpgp.encrypt({ message: message, encryptionKeys: keys });
            })
            .then(function (out) { return { text: out, files: sealedFiles }; });
        })
        .then(function (out) {
          ciphertext.value = out.text;
          if (input && out.files.length > 0) {
            var sent = new DataTransfer();
            out.files.forEach(function (f, i) {
              sent.items.add(new File([f.sealed], "file-" + (i + 1) + ".pgp",
                { type: "application/octet-stream" }));
            });
            input.files = sent.files;
          }
          ["subject", "impact", "requested_action", "text", "started_local", "started_zone",
            "detected_local", "detected_zone", "respond_by_local", "respond_by_zone"]
            .forEach(function (n) { clear(form, n); });
          form.querySelectorAll("input[name=sectors]").forEach(function (s) { s.checked = false; });
          form.submit();
        })
        .catch(function (e) {
          busy = false;
          say(status, box.dataset.msgFailed + " " + (e && e.message ? e.message : ""));
        });
    });
  }

  // --- a thread ---
  function field(dl, label, text) {
    if (!text) { return; }
    var dt = document.createElement("dt");
    dt.textContent = label;
    var dd = document.createElement("dd");
    var bdi = document.createElement("bdi");
    bdi.setAttribute("dir", "auto");
    bdi.lang = dl.dataset.textLang || "";
    bdi.textContent = text;
    dd.appendChild(bdi);
    dl.appendChild(dt);
    dl.appendChild(dd);
  }

  function moment(m) {
    return m && m.local ? m.local.replace("T", " ") + (m.zone ? " (" + m.zone + ")" : "") : "";
  }

  // Shows the decrypted content; returns the files it lists.
  function show(section, out, content) {
    out.textContent = "";
    var data;
    try { data = JSON.parse(content); } catch (e) { data = { text: content }; }
    if (!data || typeof data !== "object") { data = { text: String(content) }; }
    var d = section.dataset;
    // The labels are in the page's language and direction; what the sender
    // wrote is in its own language, each value finding its direction.
    var written = out.dataset.textLang || "";
    if (data.subject) {
      var h = document.createElement("h3");
      h.className = "e2e-subject";
      h.dir = "auto";
      h.lang = written;
      h.textContent = data.subject;
      out.appendChild(h);
    }
    var dl = document.createElement("dl");
    dl.className = "facts comm-fields";
    dl.dataset.textLang = written;
    field(dl, d.labelStarted, moment(data.started));
    field(dl, d.labelDetected, moment(data.detected));
    field(dl, d.labelSectors, (data.sectors || []).map(function (s) { return s.label || s.code; }).join(", "));
    field(dl, d.labelImpact, data.impact);
    field(dl, d.labelRequested_action, data.requested_action);
    field(dl, d.labelRespond_by, moment(data.respond_by));
    if (dl.childNodes.length > 0) { out.appendChild(dl); }
    if (data.text) {
      var t = document.createElement("div");
      t.className = "comm-text e2e-text";
      t.dir = "auto";
      t.lang = written;
      t.textContent = data.text;
      out.appendChild(t);
    }
    return Array.isArray(data.files) ? data.files : [];
  }

  // Fetches each sealed file of the message, checks it is the one the text
  // lists (the SHA-256 of its ciphertext), decrypts it and offers it to
  // save under its own name. A file swapped on the server, or of a type a
  // communication may not carry, is named and not offered.
  function openFiles(section, out, key, listed) {
    var links = Array.prototype.slice.call(section.querySelectorAll("a.e2e-file"));
    if (links.length === 0 && listed.length === 0) { return null; }
    var d = section.dataset;
    var heading = document.createElement("h3");
    heading.textContent = d.labelFiles;
    var list = document.createElement("ul");
    list.className = "comm-attachments e2e-files-plain";
    out.appendChild(heading);
    out.appendChild(list);
    return links.reduce(function (done, link, i) {
      return done.then(function () {
        var item = document.createElement("li");
        list.appendChild(item);
        var expected = listed[i] || {};
        return window.fetch(link.href, { credentials: "same-origin" })
          .then(function (r) {
            if (!r.ok) { throw new Error("fetch"); }
            return r.arrayBuffer();
          })
          .then(function (buffer) {
            var sealed = new Uint8Array(buffer);
            return sha256(sealed).then(function (digest) {
              if (expected.sha256 && expected.sha256 !== digest) { throw new Error("altered"); }
              return openpgp.readMessage({ binaryMessage: sealed });
            });
          })
          .then(function (message) {
            return openpgp.decrypt({ message: message, decryptionKeys: key, format: "binary" });
          })
          .then(function (result) {
            var name = expected.name || result.filename || link.textContent.trim();
            if (!fileType(result.data, name)) {
              item.textContent = d.msgFileType + " " + name;
              return;
            }
            var a = document.createElement("a");
            a.href = URL.createObjectURL(new Blob([result.data], { type: "application/octet-stream" }));
            a.download = name;
            a.className = "e2e-file-plain";
            a.id = link.id + "-plain";
            var bdi = document.createElement("bdi");
            bdi.textContent = name;
            a.appendChild(bdi);
            item.appendChild(a);
            var size = document.createElement("span");
            size.className = "muted";
            var bytes = document.createElement("bdi");
            bytes.textContent = sizeText(result.data.length);
            size.append(" (", bytes, ")");
            item.appendChild(size);
          })
          .catch(function () {
            item.textContent = d.msgFileAltered + " " + (expected.name || link.textContent.trim());
          });
      });
    }, Promise.resolve()).then(function () {
      // Listed by the sender but not on the server: removed since.
      listed.slice(links.length).forEach(function (f) {
        var item = document.createElement("li");
        item.textContent = d.msgFileAltered + " " + (f && f.name ? f.name : "");
        list.appendChild(item);
      });
    });
  }

  function thread(section) {
    reveal(section);
    var pre = section.querySelector("pre.ciphertext");
    var button = section.querySelector(".e2e-decrypt-button");
    var passphrase = section.querySelector(".e2e-passphrase");
    var status = section.querySelector(".e2e-status");
    var out = section.querySelector(".e2e-plain");
    var d = section.dataset;
    if (!storedKey()) { say(status, d.msgNoKey); }
    button.addEventListener("click", function () {
      var armoredKey = storedKey();
      if (!armoredKey) { say(status, d.msgNoKey); return; }
      say(status, d.msgDecrypting);
      var key;
      openpgp.readPrivateKey({ armoredKey: armoredKey })
        .then(function (k) {
          return openpgp.decryptKey({ privateKey: k, passphrase: passphrase.value })
            .catch(function () { throw new Error("passphrase"); });
        })
        .then(function (k) {
          key = k;
          return openpgp.readMessage({ armoredMessage: pre.textContent })
            .catch(function () { throw new Error("tampered"); });
        })
        .then(function (message) {
          // Named before trying: a message made for other keys is not
          // "damaged", it is not this key's.
          var mine = key.getKeyIDs().map(function (id) { return id.toHex(); });
          var to = message.getEncryptionKeyIDs().map(function (id) { return id.toHex(); });
          if (!to.some(function (id) { return mine.indexOf(id) >= 0; })) { throw new Error("wrong-key"); }
          return openpgp.decrypt({ message: message, decryptionKeys: key })
            .catch(function () { throw new Error("tampered"); });
        })
        .then(function (result) {
          passphrase.value = "";
          var listed = show(section, out, result.data);
          say(status, d.msgDone);
          return openFiles(section, out, key, listed);
        })
        .catch(function (e) {
          var why = e && e.message;
          say(status, why === "passphrase" ? d.msgPassphrase
            : why === "wrong-key" ? d.msgWrongKey : d.msgTampered);
        });
    });
  }

  // --- the account page ---
  function keyPage(section) {
    reveal(section);
    var d = section.dataset;
    var status = document.getElementById("e2e-key-status");
    var pasted = document.getElementById("e2e-private-key");
    var passphrase = document.getElementById("e2e-key-passphrase");
    function current() {
      var stored = storedKey();
      if (!stored) { say(status, d.msgNone); return; }
      openpgp.readPrivateKey({ armoredKey: stored })
        .then(function (k) { say(status, d.msgHere + " " + k.getFingerprint().toUpperCase()); })
        .catch(function () { say(status, d.msgNone); });
    }
    current();
    document.getElementById("e2e-key-import").addEventListener("click", function () {
      if (passphrase.value.length < 8) { say(status, d.msgShort); return; }
      openpgp.readPrivateKey({ armoredKey: pasted.value.trim() })
        .catch(function () { throw new Error("not-private"); })
        .then(function (k) {
          if (k.isDecrypted()) {
            return openpgp.encryptKey({ privateKey: k, passphrase: passphrase.value });
          }
          // Already protected: its own passphrase must open it, and it is
          // kept as it came.
          return openpgp.decryptKey({ privateKey: k, passphrase: passphrase.value })
            .then(function () { return k; })
            .catch(function () { throw new Error("passphrase"); });
        })
        .then(function (locked) {
          window.localStorage.setItem(STORE, locked.armor());
          pasted.value = "";
          passphrase.value = "";
          say(status, d.msgImported + " " + locked.getFingerprint().toUpperCase());
        })
        .catch(function (e) {
          say(status, e && e.message === "passphrase" ? d.msgPassphrase : d.msgNotPrivate);
        });
    });
    document.getElementById("e2e-key-forget").addEventListener("click", function () {
      try { window.localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
      say(status, d.msgForgotten);
    });
  }

  function start() {
    if (typeof openpgp === "undefined") { return; }
    var box = document.getElementById("e2e");
    if (box) { compose(box); }
    document.querySelectorAll(".e2e-message").forEach(thread);
    var key = document.getElementById("e2e-key");
    if (key) { keyPage(key); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
