## Messages for OpenPGP public keys of PoCs.

poc-field-openpgp-key = OpenPGP public key
form-openpgp-key-hint = optional; paste the whole ASCII-armored public key, from "-----BEGIN PGP PUBLIC KEY BLOCK-----" to the END line. Never paste a private key.
poc-openpgp-fingerprint = Fingerprint
poc-openpgp-algorithm = Algorithm
poc-openpgp-created = Created
poc-openpgp-expires = Expires
poc-openpgp-no-expiry = does not expire
poc-openpgp-show-key = Show the key
poc-openpgp-expires-soon = { $days ->
    [0] This key expires today. Ask the point of contact for a renewed key.
    [one] This key expires in { $days } day. Ask the point of contact for a renewed key.
   *[other] This key expires in { $days } days. Ask the point of contact for a renewed key.
}
poc-openpgp-expired-warning = This key has expired: do not encrypt to it. Ask the point of contact for a new key.

poc-error-openpgp-not-a-key = This is not an OpenPGP public key. Paste the ASCII-armored block that begins with "-----BEGIN PGP PUBLIC KEY BLOCK-----".
poc-error-openpgp-secret-key = This is a PRIVATE key. It has not been stored. Paste the public key only, and consider the private key exposed if you sent it anywhere else.
poc-error-openpgp-several-keys = Paste exactly one public key; this text contains more than one.
poc-error-openpgp-too-large = This key is too large (more than 64 KiB). Export it without third-party signatures (e.g. gpg --export-options export-minimal).
poc-error-openpgp-bad-signature = This key is damaged: its self-signatures do not verify. Export it again from its owner's keyring.
poc-error-openpgp-expired = This key has expired. Extend its expiry date or give a new key.
poc-error-openpgp-revoked = This key has been revoked by its owner. Give a new key.
poc-error-openpgp-no-encryption = Nothing can be encrypted to this key: it has no valid encryption subkey. Add one (e.g. gpg --quick-add-key FINGERPRINT cv25519 encr) and export it again.
