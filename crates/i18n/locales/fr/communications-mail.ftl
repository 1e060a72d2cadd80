# Mail of communications: what a mail says when it carries the content encrypted to the recipient's OpenPGP key.
comm-mail-encrypted-below = Le contenu suit, chiffré pour votre clé OpenPGP ({ $fingerprint }). Seule la clé secrète correspondante permet de le lire.
