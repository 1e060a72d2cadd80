# Mail of communications (the content encrypted to a recipient's OpenPGP key) and, on the outbox page, mails interrupted mid-send.
comm-mail-encrypted-below = Le contenu suit, chiffré pour votre clé OpenPGP ({ $fingerprint }). Seule la clé secrète correspondante permet de le lire.
outbox-count-in-flight = { $count ->
    [one] Dont un en cours d’envoi, ou interrompu pendant l’envoi (il repart avec le même Message-ID).
   *[other] Dont { $count } en cours d’envoi, ou interrompus pendant l’envoi (ils repartent avec le même Message-ID).
}
