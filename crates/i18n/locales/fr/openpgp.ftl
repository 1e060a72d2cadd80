## Messages for OpenPGP public keys of PoCs.

poc-field-openpgp-key = Clé publique OpenPGP
form-openpgp-key-hint = facultatif ; collez toute la clé publique au format ASCII armor, de « -----BEGIN PGP PUBLIC KEY BLOCK----- » jusqu’à la ligne END. Ne collez jamais une clé privée.
poc-openpgp-fingerprint = Empreinte
poc-openpgp-algorithm = Algorithme
poc-openpgp-created = Créée le
poc-openpgp-expires = Expire le
poc-openpgp-no-expiry = n’expire pas
poc-openpgp-show-key = Afficher la clé
poc-openpgp-expires-soon = { $days ->
    [0] Cette clé expire aujourd’hui. Demandez au point de contact une clé renouvelée.
    [one] Cette clé expire dans { $days } jour. Demandez au point de contact une clé renouvelée.
   *[other] Cette clé expire dans { $days } jours. Demandez au point de contact une clé renouvelée.
}
poc-openpgp-expired-warning = Cette clé a expiré : ne chiffrez plus vers elle. Demandez au point de contact une nouvelle clé.

poc-error-openpgp-not-a-key = Ceci n’est pas une clé publique OpenPGP. Collez le bloc ASCII armor qui commence par « -----BEGIN PGP PUBLIC KEY BLOCK----- ».
poc-error-openpgp-secret-key = Ceci est une clé PRIVÉE. Elle n’a pas été enregistrée. Collez uniquement la clé publique, et considérez la clé privée comme compromise si vous l’avez transmise ailleurs.
poc-error-openpgp-several-keys = Collez une seule clé publique ; ce texte en contient plusieurs.
poc-error-openpgp-too-large = Cette clé est trop volumineuse (plus de 64 Kio). Exportez-la sans les signatures de tiers (par exemple gpg --export-options export-minimal).
poc-error-openpgp-bad-signature = Cette clé est endommagée : ses autosignatures ne sont pas valides. Exportez-la de nouveau depuis le trousseau de son titulaire.
poc-error-openpgp-expired = Cette clé a expiré. Prolongez sa date d’expiration ou fournissez une nouvelle clé.
poc-error-openpgp-revoked = Cette clé a été révoquée par son titulaire. Fournissez une nouvelle clé.
poc-error-openpgp-no-encryption = Impossible de chiffrer vers cette clé : elle n’a aucune sous-clé de chiffrement valide. Ajoutez-en une (par exemple gpg --quick-add-key EMPREINTE cv25519 encr) puis exportez-la de nouveau.
