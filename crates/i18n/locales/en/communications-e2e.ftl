# End-to-end encrypted communications (issue 19): encrypted and decrypted in
# the PoC's browser; pocdir holds only the ciphertext.

comm-e2e-subject = Encrypted end to end
comm-e2e-legend = End-to-end encryption
comm-e2e-intro = For TLP:RED and TLP:AMBER+STRICT you may encrypt the message in this browser to the OpenPGP keys of the named recipients and your own. pocdir, its operator and the secretariat then hold only ciphertext: they see who wrote to whom and when, never the content.
comm-e2e-lost-key = A lost key means a lost message: nobody, not even the operator, can recover an end-to-end message for a reader who lost their private key or its passphrase.
comm-e2e-choose = Encrypt this message end to end
comm-e2e-own-key-missing = You cannot send end-to-end messages yet: your own PoC entry needs a usable OpenPGP key ({ $why }), so that you can read what you sent. Ask your nominating authority to add it.
comm-e2e-unreachable = { $count ->
    [one] One PoC cannot be sent an end-to-end message
   *[other] { $count } PoCs cannot be sent an end-to-end message
}
comm-e2e-how = Choose named PoCs (or, for TLP:AMBER+STRICT, whole States) and fill in the form as usual: on sending, the subject, the fields and the text are encrypted here and only the ciphertext leaves this browser. Files you attach are encrypted here too, each to the same keys, and sent under names that tell nothing.
comm-e2e-how-reply = The reply goes to everyone of the message you answer: on sending, the subject, the fields and the text are encrypted here to their keys and yours, and only the ciphertext leaves this browser. Files you attach are encrypted here too, each to the same keys, and sent under names that tell nothing.
comm-e2e-nojs-compose = Without JavaScript this browser cannot encrypt. You can encrypt with your own OpenPGP tool instead: encrypt the message to the keys on the recipients' directory entries and to your own, paste the armored result below, and leave the subject, fields and text empty. Encrypt each file the same way (binary, for example gpg --encrypt) and attach the results.
comm-e2e-ciphertext = Armored OpenPGP message (only when made with your own tool)
comm-e2e-js-encrypting = Encrypting in this browser…
comm-e2e-js-no-key = These recipients have no usable OpenPGP key and cannot be sent an end-to-end message:
comm-e2e-js-nobody = Choose whom to send to (named PoCs, or States for TLP:AMBER+STRICT): an end-to-end message is encrypted to each one's key.
comm-e2e-js-own-key = Your own PoC entry has no usable OpenPGP key, so you could not read what you send.
comm-e2e-js-failed = The message could not be encrypted; nothing was sent.
comm-e2e-js-keys = The recipients’ keys could not all be had: someone chosen has no usable key (see the list of PoCs who cannot be sent one), or a key expired or was revoked since this page was opened. Reload the page to see who can be sent one.
comm-e2e-key-none = no OpenPGP key on file
comm-e2e-key-expired = the OpenPGP key on file has expired
comm-e2e-key-revoked = the OpenPGP key on file was revoked
comm-e2e-key-unusable = the OpenPGP key on file cannot be used
comm-e2e-error-label = Only TLP:RED and TLP:AMBER+STRICT messages are sent end to end.
comm-e2e-error-plaintext = Not sent: the subject, fields or text were filled in beside the ciphertext. In an end-to-end message they are inside the ciphertext only.
comm-e2e-error-forward = An end-to-end message cannot be forwarded: only the keys it was encrypted to can open it. Write a new end-to-end message instead.
comm-e2e-error-missing = Not sent: there is no ciphertext. Turn on JavaScript to encrypt here, or paste the message made with your own OpenPGP tool.
comm-e2e-error-not-a-message = Not sent: the ciphertext is not an ASCII-armored OpenPGP message, or it is damaged.
comm-e2e-error-too-large = Not sent: the ciphertext is too large.
comm-e2e-error-not-encrypted = Not sent: the OpenPGP message holds something besides encrypted data (for example text in clear or a passphrase-encrypted key).
comm-e2e-error-keys = Not sent: these people have no usable OpenPGP key: { $names }.
comm-e2e-error-not-encrypted-to = Not sent: the message is not encrypted to the key on file of: { $names }.
comm-e2e-thread-note = This message is encrypted end to end: pocdir holds only the ciphertext below. Decrypt it on this device with your key, or download it and open it with your own OpenPGP tool.
comm-e2e-download = Download the encrypted message (.asc)
comm-e2e-download-hint = for example: gpg --decrypt communication.asc
comm-e2e-nojs-thread = Without JavaScript this page cannot decrypt: download the message and open it with your own OpenPGP tool.
comm-e2e-passphrase = Passphrase of your key
comm-e2e-decrypt = Decrypt on this device
comm-e2e-js-no-key-here = No private key is kept in this browser: import yours on your account page, or download the message and open it with your own OpenPGP tool.
comm-e2e-js-passphrase = Wrong passphrase: the key in this browser did not open.
comm-e2e-js-wrong-key = This message was not encrypted to the key kept in this browser.
comm-e2e-js-tampered = The message is damaged or was altered: it does not decrypt. Ask the sender to send it again.
comm-e2e-js-decrypting = Decrypting on this device…
comm-e2e-js-decrypted = Decrypted on this device; pocdir did not see it.
comm-e2e-key-heading = Your key for end-to-end messages
comm-e2e-key-intro = To read end-to-end messages in this browser, import your OpenPGP private key once. It stays on this device, kept encrypted under your passphrase; it is never sent to pocdir. Its public half must be the key on your PoC entry.
comm-e2e-key-nojs = Without JavaScript the key cannot be kept here: download end-to-end messages and open them with your own OpenPGP tool.
comm-e2e-key-paste = Your armored OpenPGP private key
comm-e2e-key-passphrase-hint = (at least 8 characters; the key's own passphrase if it has one)
comm-e2e-key-import = Keep the key in this browser
comm-e2e-key-forget = Forget the key in this browser
comm-e2e-key-here-none = No key is kept in this browser.
comm-e2e-key-here = A key is kept in this browser, fingerprint:
comm-e2e-key-imported = Key kept in this browser, encrypted under your passphrase. Fingerprint:
comm-e2e-key-not-private = This is not an armored OpenPGP private key.
comm-e2e-key-passphrase-short = Choose a passphrase of at least 8 characters.
comm-e2e-key-forgotten = The key was removed from this browser.
comm-e2e-error-files-too-large = Not sent: too many encrypted files, or too large (at most 5 files, each at most 5 MiB before encryption, 10 MiB in all).
comm-e2e-error-file-not-sealed = Not sent: file { $n } is not an OpenPGP message encrypted to its readers. In an end-to-end message every file is encrypted too.
comm-e2e-error-file-not-encrypted-to = Not sent: file { $n } is not encrypted to the key on file of: { $names }.
comm-e2e-js-file-type = These files are not a type a communication may carry (PDF, PNG, JPEG or text, the name's ending agreeing):
comm-e2e-js-file-type-received = Not offered: this file is not a type a communication may carry:
comm-e2e-js-file-altered = Not offered: this file was replaced, removed or damaged since it was sent:
comm-e2e-files = Encrypted files
comm-e2e-files-hint = Decrypt the message to save its files under their own names, or download each and open it with your own OpenPGP tool.
comm-e2e-files-decrypted = Files, decrypted on this device

comm-e2e-help = Messages only the recipients can read (end to end)
comm-e2e-help-text = A TLP:RED message, or a TLP:AMBER+STRICT one, can be encrypted in your browser to the OpenPGP keys on the recipients’ entries and on your own: tick “Encrypt this message end to end” before sending. The subject, the fields, the text and every file are encrypted before they leave your browser; pocdir, the secretariat and whoever runs the server see only who wrote to whom, when, and the label. The form names the recipients without a usable key: they cannot be sent such a message. To read one, keep your private key in your browser (your account page) and press “Decrypt on this device”, or download it and open it with your own OpenPGP tool. A lost key means lost messages: no one can recover them.
comm-e2e-help-key = Your key for end-to-end messages
comm-e2e-help-key-text = Your nominating authority puts your OpenPGP public key on your entry. On your account page, import the matching private key once: it is kept in this browser only, encrypted under a passphrase you choose, and never sent to pocdir. Import it in each browser you read messages in, or forget it from a shared computer. Without it, download each message and decrypt it with your own OpenPGP tool.
