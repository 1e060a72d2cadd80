// Security keys and passkeys (WebAuthn). A form marked data-webauthn
// carries the server's options (JSON, data-webauthn-options); on submit
// this asks the browser (navigator.credentials.create or .get), puts its
// answer in the form's "credential" field as JSON and posts the form.
// The challenge stays on the server; nothing here is secret. Without this
// script (or WebAuthn) the forms stay hidden and a TOTP code still works.
"use strict";

(function () {
  function bytes(b64url) {
    var b64 = b64url.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) { b64 += "="; }
    var text = atob(b64);
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { out[i] = text.charCodeAt(i); }
    return out.buffer;
  }

  function b64url(buffer) {
    var view = new Uint8Array(buffer);
    var text = "";
    for (var i = 0; i < view.length; i++) { text += String.fromCharCode(view[i]); }
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function withIds(list) {
    return (list || []).map(function (c) {
      return Object.assign({}, c, { id: bytes(c.id) });
    });
  }

  function creationOptions(options) {
    var pk = Object.assign({}, options.publicKey);
    pk.challenge = bytes(pk.challenge);
    pk.user = Object.assign({}, pk.user, { id: bytes(pk.user.id) });
    pk.excludeCredentials = withIds(pk.excludeCredentials);
    return { publicKey: pk };
  }

  function requestOptions(options) {
    var pk = Object.assign({}, options.publicKey);
    pk.challenge = bytes(pk.challenge);
    pk.allowCredentials = withIds(pk.allowCredentials);
    return { publicKey: pk };
  }

  function answer(credential) {
    var r = credential.response;
    var response = { clientDataJSON: b64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = b64url(r.attestationObject);
      if (r.getTransports) { response.transports = r.getTransports(); }
    } else {
      response.authenticatorData = b64url(r.authenticatorData);
      response.signature = b64url(r.signature);
      response.userHandle = r.userHandle ? b64url(r.userHandle) : null;
    }
    return JSON.stringify({
      id: credential.id,
      rawId: b64url(credential.rawId),
      type: credential.type,
      response: response,
      extensions: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
    });
  }

  function show(selector) {
    document.querySelectorAll(selector).forEach(function (el) { el.hidden = false; });
  }

  function start() {
    var forms = document.querySelectorAll("form[data-webauthn]");
    if (!forms.length) { return; }
    if (!window.PublicKeyCredential || !navigator.credentials) {
      show("[data-webauthn-unsupported]");
      return;
    }
    show("[data-webauthn-ready]");
    forms.forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var button = form.querySelector("button[type=submit]");
        if (button) { button.disabled = true; }
        document.querySelectorAll("[data-webauthn-error]").forEach(function (el) { el.hidden = true; });
        var options = JSON.parse(form.getAttribute("data-webauthn-options"));
        var asking = form.getAttribute("data-webauthn") === "create"
          ? navigator.credentials.create(creationOptions(options))
          : navigator.credentials.get(requestOptions(options));
        asking.then(function (credential) {
          form.elements.namedItem("credential").value = answer(credential);
          form.submit();
        }).catch(function () {
          if (button) { button.disabled = false; }
          show("[data-webauthn-error]");
        });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
