# Communications chiffrées de bout en bout (issue 19) : chiffrées et
# déchiffrées dans le navigateur du PoC ; pocdir ne garde que le chiffré.

comm-e2e-subject = Chiffré de bout en bout
comm-e2e-legend = Chiffrement de bout en bout
comm-e2e-intro = Pour TLP:RED et TLP:AMBER+STRICT, vous pouvez chiffrer le message dans ce navigateur pour les clés OpenPGP des destinataires nommés et pour la vôtre. pocdir, son exploitant et le secrétariat ne détiennent alors que du chiffré : ils voient qui a écrit à qui et quand, jamais le contenu.
comm-e2e-lost-key = Clé perdue, message perdu : personne, pas même l'exploitant, ne peut récupérer un message chiffré de bout en bout pour un lecteur qui a perdu sa clé privée ou sa phrase secrète.
comm-e2e-choose = Chiffrer ce message de bout en bout
comm-e2e-own-key-missing = Vous ne pouvez pas encore envoyer de message chiffré de bout en bout : votre propre fiche de PoC doit porter une clé OpenPGP utilisable ({ $why }) pour que vous puissiez relire ce que vous envoyez. Demandez à votre autorité de désignation de l'ajouter.
comm-e2e-unreachable = { $count ->
    [one] Un PoC ne peut pas recevoir de message chiffré de bout en bout
   *[other] { $count } PoC ne peuvent pas recevoir de message chiffré de bout en bout
}
comm-e2e-how = Choisissez des PoC nommés (ou, pour TLP:AMBER+STRICT, des États entiers) et remplissez le formulaire comme d'habitude : à l'envoi, l'objet, les champs et le texte sont chiffrés ici et seul le chiffré quitte ce navigateur. Les fichiers joints sont eux aussi chiffrés ici, chacun pour les mêmes clés, et envoyés sous des noms qui ne disent rien.
comm-e2e-how-reply = La réponse va à toutes les personnes du message auquel vous répondez : à l'envoi, l'objet, les champs et le texte sont chiffrés ici pour leurs clés et la vôtre, et seul le chiffré quitte ce navigateur. Les fichiers joints sont eux aussi chiffrés ici, chacun pour les mêmes clés, et envoyés sous des noms qui ne disent rien.
comm-e2e-nojs-compose = Sans JavaScript, ce navigateur ne peut pas chiffrer. Vous pouvez chiffrer avec votre propre outil OpenPGP : chiffrez le message pour les clés des fiches des destinataires et pour la vôtre, collez le résultat armuré ci-dessous et laissez l'objet, les champs et le texte vides. Chiffrez chaque fichier de la même façon (en binaire, par exemple gpg --encrypt) et joignez les résultats.
comm-e2e-ciphertext = Message OpenPGP armuré (seulement s'il est fait avec votre propre outil)
comm-e2e-js-encrypting = Chiffrement dans ce navigateur…
comm-e2e-js-no-key = Ces destinataires n'ont pas de clé OpenPGP utilisable et ne peuvent pas recevoir de message chiffré de bout en bout :
comm-e2e-js-nobody = Choisissez les destinataires (des PoC nommés, ou des États pour TLP:AMBER+STRICT) : un message de bout en bout est chiffré pour la clé de chacun.
comm-e2e-js-own-key = Votre propre fiche de PoC n'a pas de clé OpenPGP utilisable : vous ne pourriez pas relire ce que vous envoyez.
comm-e2e-js-failed = Le message n'a pas pu être chiffré ; rien n'a été envoyé.
comm-e2e-js-keys = Les clés de tous les destinataires n’ont pas pu être obtenues : une personne choisie n’a pas de clé utilisable (voir la liste des PoC à qui l’on ne peut pas en envoyer), ou une clé a expiré ou été révoquée depuis l’ouverture de cette page. Rechargez la page pour voir à qui l’envoyer.
comm-e2e-key-none = aucune clé OpenPGP sur la fiche
comm-e2e-key-expired = la clé OpenPGP de la fiche a expiré
comm-e2e-key-revoked = la clé OpenPGP de la fiche a été révoquée
comm-e2e-key-unusable = la clé OpenPGP de la fiche est inutilisable
comm-e2e-error-label = Seuls les messages TLP:RED et TLP:AMBER+STRICT sont envoyés de bout en bout.
comm-e2e-error-plaintext = Non envoyé : l'objet, des champs ou le texte ont été remplis à côté du chiffré. Dans un message de bout en bout, ils sont uniquement dans le chiffré.
comm-e2e-error-forward = Un message chiffré de bout en bout ne peut pas être transféré : seules les clés pour lesquelles il a été chiffré l'ouvrent. Écrivez plutôt un nouveau message de bout en bout.
comm-e2e-error-missing = Non envoyé : il n'y a pas de chiffré. Activez JavaScript pour chiffrer ici, ou collez le message fait avec votre propre outil OpenPGP.
comm-e2e-error-not-a-message = Non envoyé : le chiffré n'est pas un message OpenPGP armuré, ou il est endommagé.
comm-e2e-error-too-large = Non envoyé : le chiffré est trop volumineux.
comm-e2e-error-not-encrypted = Non envoyé : le message OpenPGP contient autre chose que des données chiffrées (par exemple du texte en clair ou une clé chiffrée par phrase secrète).
comm-e2e-error-keys = Non envoyé : ces personnes n'ont pas de clé OpenPGP utilisable : { $names }.
comm-e2e-error-not-encrypted-to = Non envoyé : le message n'est pas chiffré pour la clé de la fiche de : { $names }.
comm-e2e-thread-note = Ce message est chiffré de bout en bout : pocdir ne détient que le chiffré ci-dessous. Déchiffrez-le sur cet appareil avec votre clé, ou téléchargez-le et ouvrez-le avec votre propre outil OpenPGP.
comm-e2e-download = Télécharger le message chiffré (.asc)
comm-e2e-download-hint = par exemple : gpg --decrypt communication.asc
comm-e2e-nojs-thread = Sans JavaScript, cette page ne peut pas déchiffrer : téléchargez le message et ouvrez-le avec votre propre outil OpenPGP.
comm-e2e-passphrase = Phrase secrète de votre clé
comm-e2e-decrypt = Déchiffrer sur cet appareil
comm-e2e-js-no-key-here = Aucune clé privée n'est gardée dans ce navigateur : importez la vôtre sur la page de votre compte, ou téléchargez le message et ouvrez-le avec votre propre outil OpenPGP.
comm-e2e-js-passphrase = Phrase secrète erronée : la clé de ce navigateur ne s'est pas ouverte.
comm-e2e-js-wrong-key = Ce message n'a pas été chiffré pour la clé gardée dans ce navigateur.
comm-e2e-js-tampered = Le message est endommagé ou a été modifié : il ne se déchiffre pas. Demandez à l'expéditeur de le renvoyer.
comm-e2e-js-decrypting = Déchiffrement sur cet appareil…
comm-e2e-js-decrypted = Déchiffré sur cet appareil ; pocdir ne l'a pas vu.
comm-e2e-key-heading = Votre clé pour les messages de bout en bout
comm-e2e-key-intro = Pour lire les messages de bout en bout dans ce navigateur, importez une fois votre clé privée OpenPGP. Elle reste sur cet appareil, chiffrée sous votre phrase secrète ; elle n'est jamais envoyée à pocdir. Sa partie publique doit être la clé de votre fiche de PoC.
comm-e2e-key-nojs = Sans JavaScript, la clé ne peut pas être gardée ici : téléchargez les messages de bout en bout et ouvrez-les avec votre propre outil OpenPGP.
comm-e2e-key-paste = Votre clé privée OpenPGP armurée
comm-e2e-key-passphrase-hint = (au moins 8 caractères ; la phrase secrète de la clé si elle en a une)
comm-e2e-key-import = Garder la clé dans ce navigateur
comm-e2e-key-forget = Oublier la clé de ce navigateur
comm-e2e-key-here-none = Aucune clé n'est gardée dans ce navigateur.
comm-e2e-key-here = Une clé est gardée dans ce navigateur, empreinte :
comm-e2e-key-imported = Clé gardée dans ce navigateur, chiffrée sous votre phrase secrète. Empreinte :
comm-e2e-key-not-private = Ce n'est pas une clé privée OpenPGP armurée.
comm-e2e-key-passphrase-short = Choisissez une phrase secrète d'au moins 8 caractères.
comm-e2e-key-forgotten = La clé a été retirée de ce navigateur.
comm-e2e-error-files-too-large = Non envoyé : trop de fichiers chiffrés, ou trop volumineux (5 fichiers au plus, chacun de 5 Mio au plus avant chiffrement, 10 Mio en tout).
comm-e2e-error-file-not-sealed = Non envoyé : le fichier { $n } n'est pas un message OpenPGP chiffré pour ses lecteurs. Dans un message de bout en bout, chaque fichier est chiffré lui aussi.
comm-e2e-error-file-not-encrypted-to = Non envoyé : le fichier { $n } n'est pas chiffré pour la clé enregistrée de : { $names }.
comm-e2e-js-file-type = Ces fichiers ne sont pas d'un type qu'une communication peut porter (PDF, PNG, JPEG ou texte, l'extension du nom concordant) :
comm-e2e-js-file-type-received = Non proposé : ce fichier n'est pas d'un type qu'une communication peut porter :
comm-e2e-js-file-altered = Non proposé : ce fichier a été remplacé, retiré ou endommagé depuis l'envoi :
comm-e2e-files = Fichiers chiffrés
comm-e2e-files-hint = Déchiffrez le message pour enregistrer ses fichiers sous leur propre nom, ou téléchargez chacun et ouvrez-le avec votre propre outil OpenPGP.
comm-e2e-files-decrypted = Fichiers, déchiffrés sur cet appareil

comm-e2e-help = Des messages que seuls les destinataires lisent (de bout en bout)
comm-e2e-help-text = Un message TLP:RED, ou TLP:AMBER+STRICT, peut être chiffré dans votre navigateur pour les clés OpenPGP des fiches des destinataires et de la vôtre : cochez « Chiffrer ce message de bout en bout » avant l’envoi. L’objet, les champs, le texte et chaque fichier sont chiffrés avant de quitter votre navigateur ; pocdir, le secrétariat et qui exploite le serveur ne voient que qui a écrit à qui, quand, et le marquage. Le formulaire nomme les destinataires sans clé utilisable : on ne peut pas leur envoyer un tel message. Pour en lire un, gardez votre clé privée dans votre navigateur (votre page de compte) et appuyez sur « Déchiffrer sur cet appareil », ou téléchargez-le et ouvrez-le avec votre propre outil OpenPGP. Une clé perdue, ce sont des messages perdus : personne ne peut les récupérer.
comm-e2e-help-key = Votre clé pour les messages de bout en bout
comm-e2e-help-key-text = Votre autorité de désignation met votre clé publique OpenPGP sur votre fiche. Sur votre page de compte, importez une fois la clé privée correspondante : elle est gardée dans ce navigateur seulement, chiffrée sous une phrase secrète de votre choix, et n’est jamais envoyée à pocdir. Importez-la dans chaque navigateur où vous lisez vos messages, ou oubliez-la sur un ordinateur partagé. Sans elle, téléchargez chaque message et déchiffrez-le avec votre propre outil OpenPGP.
