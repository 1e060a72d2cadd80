## Messages for OpenPGP public keys of PoCs.

poc-field-openpgp-key = Clave pública OpenPGP
form-openpgp-key-hint = opcional; pegue la clave pública completa en formato ASCII armor, desde «-----BEGIN PGP PUBLIC KEY BLOCK-----» hasta la línea END. Nunca pegue una clave privada.
poc-openpgp-fingerprint = Huella digital
poc-openpgp-algorithm = Algoritmo
poc-openpgp-created = Creada el
poc-openpgp-expires = Caduca el
poc-openpgp-no-expiry = no caduca
poc-openpgp-show-key = Mostrar la clave
poc-openpgp-expires-soon = { $days ->
    [0] Esta clave caduca hoy. Solicite al punto de contacto una clave renovada.
    [one] Esta clave caduca dentro de { $days } día. Solicite al punto de contacto una clave renovada.
   *[other] Esta clave caduca dentro de { $days } días. Solicite al punto de contacto una clave renovada.
}
poc-openpgp-expired-warning = Esta clave ha caducado: no cifre con ella. Solicite al punto de contacto una clave nueva.

poc-error-openpgp-not-a-key = Esto no es una clave pública OpenPGP. Pegue el bloque ASCII armor que comienza por «-----BEGIN PGP PUBLIC KEY BLOCK-----».
poc-error-openpgp-secret-key = Esto es una clave PRIVADA. No se ha guardado. Pegue únicamente la clave pública y considere comprometida la clave privada si la ha enviado a otro lugar.
poc-error-openpgp-several-keys = Pegue una sola clave pública; este texto contiene más de una.
poc-error-openpgp-too-large = Esta clave es demasiado grande (más de 64 KiB). Expórtela sin las firmas de terceros (por ejemplo, gpg --export-options export-minimal).
poc-error-openpgp-bad-signature = Esta clave está dañada: sus autofirmas no son válidas. Vuelva a exportarla desde el anillo de claves de su titular.
poc-error-openpgp-expired = Esta clave ha caducado. Prorrogue su fecha de caducidad o proporcione una clave nueva.
poc-error-openpgp-revoked = Su titular ha revocado esta clave. Proporcione una clave nueva.
poc-error-openpgp-no-encryption = No se puede cifrar con esta clave: no tiene ninguna subclave de cifrado válida. Añada una (por ejemplo, gpg --quick-add-key HUELLA cv25519 encr) y vuelva a exportarla.
