// End-to-end encrypted communications, in the PoC's browser, with the
// vendored OpenPGP.js (/static/openpgp.min.js, see static/vendor/README.md).
// The server never sees the plaintext nor the private key:
// - the compose form (#e2e): on sending, the subject, fields and text are
//   encrypted here to the chosen recipients' keys and the sender's own, put
//   in #ciphertext, and the fields in clear are emptied before the post;
// - a thread (.e2e-message): "Decrypt on this device" with the key kept in
//   this browser, shown as text only (never as HTML);
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
      var files = document.getElementById("attachments");
      if (files && files.files && files.files.length > 0) {
        say(status, box.dataset.msgFiles); return;
      }
      // A reply goes to everyone of its parent (listed in the form); a new
      // message to the named PoCs chosen.
      var chosen = Array.prototype.slice.call(box.querySelectorAll(".e2e-reader"));
      if (chosen.length === 0) {
        var named = document.getElementById("address-named");
        chosen = Array.prototype.slice.call(form.querySelectorAll("input[name=accounts]:checked"));
        if (!named || !named.checked || chosen.length === 0) {
          say(status, box.dataset.msgNobody); return;
        }
      }
      var missing = chosen.filter(function (c) { return !c.dataset.key; })
        .map(function (c) { return c.dataset.name; });
      if (missing.length > 0) {
        say(status, box.dataset.msgNoKey + " " + missing.join(", ")); return;
      }
      if (!box.dataset.senderKey) { say(status, box.dataset.msgOwnKey); return; }
      busy = true;
      say(status, box.dataset.msgEncrypting);
      var when = function (name) {
        return { local: value(form, name + "_local"), zone: value(form, name + "_zone") };
      };
      var sectors = Array.prototype.slice.call(form.querySelectorAll("input[name=sectors]:checked"))
        .map(function (s) { return { code: s.value, label: s.parentElement.textContent.trim() }; });
      var plain = JSON.stringify({
        format: "pocdir-e2e/1",
        subject: value(form, "subject"),
        started: when("started"),
        detected: when("detected"),
        sectors: sectors,
        impact: value(form, "impact"),
        requested_action: value(form, "requested_action"),
        respond_by: when("respond_by"),
        text: value(form, "text")
      });
      var armored = chosen.map(function (c) { return c.dataset.key; }).concat([box.dataset.senderKey]);
      Promise.all(armored.map(function (k) { return openpgp.readKey({ armoredKey: k }); }))
        .then(function (keys) {
          return openpgp.createMessage({ text: plain }).then(function (message) {
            return openpgp.encrypt({ message: message, encryptionKeys: keys });
          });
        })
        .then(function (out) {
          ciphertext.value = out;
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
    bdi.textContent = text;
    dd.appendChild(bdi);
    dl.appendChild(dt);
    dl.appendChild(dd);
  }

  function moment(m) {
    return m && m.local ? m.local.replace("T", " ") + (m.zone ? " (" + m.zone + ")" : "") : "";
  }

  function show(section, out, content) {
    out.textContent = "";
    var data;
    try { data = JSON.parse(content); } catch (e) { data = { text: content }; }
    var d = section.dataset;
    if (data.subject) {
      var h = document.createElement("h3");
      h.className = "e2e-subject";
      h.textContent = data.subject;
      out.appendChild(h);
    }
    var dl = document.createElement("dl");
    dl.className = "facts comm-fields";
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
      t.textContent = data.text;
      out.appendChild(t);
    }
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
          show(section, out, result.data);
          say(status, d.msgDone);
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
