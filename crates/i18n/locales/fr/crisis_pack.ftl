# Le dossier de crise hors ligne.
crisis-pack-home-link = Dossier de crise : l'annuaire à garder hors ligne, pour quand le portail est injoignable
crisis-pack-title = Dossier de crise hors ligne
crisis-pack-intro = Un instantané des entrées de l'annuaire que vous pouvez voir, à garder pour quand le portail est hors service ou que votre État est coupé du réseau. C'est un fichier HTML qui s'ouvre dans tout navigateur sans réseau, avec les mêmes entrées en fichier CSV à l'intérieur.
crisis-pack-validity = Un dossier est valable { $days } jours à partir de sa création ; il affiche son âge en haut.
crisis-pack-entries = Le dossier contiendra { $count } entrées.
crisis-pack-reads = Chaque téléchargement est inscrit au journal comme une lecture de chacune de ses entrées, comme un export.
crisis-pack-supersedes = Un dossier plus récent remplace le précédent : ne gardez que le plus récent.
crisis-pack-check-heading = Vérifier un dossier
crisis-pack-instance-key = Les dossiers sont signés par la clé OpenPGP de cette instance, d'empreinte :
crisis-pack-key-link = Télécharger la clé publique de l'instance
crisis-pack-check-how = Sans le portail, vérifiez la signature avec gpg ou avec pocdir :
crisis-pack-download-heading = Télécharger un dossier
crisis-pack-to-key = Le dossier sera chiffré pour la clé OpenPGP de votre entrée :
crisis-pack-to-passphrase = Votre entrée n'a pas de clé OpenPGP : le dossier sera chiffré avec une phrase secrète que vous choisissez maintenant. Conservez-la à part du fichier.
crisis-pack-passphrase = Phrase secrète (au moins 12 caractères)
crisis-pack-passphrase-again = La phrase secrète, à nouveau
crisis-pack-download = Télécharger le dossier
crisis-pack-error-passphrase = Choisissez une phrase secrète d'au moins 12 caractères.
crisis-pack-error-passphrase-again = Les deux phrases secrètes diffèrent.
crisis-pack-file-title = Dossier de crise pocdir
crisis-pack-file-issued = Émis le { $date }
crisis-pack-file-valid-until = Ne pas s'y fier après le { $date }
crisis-pack-file-holder = Pour
crisis-pack-file-entries = Entrées
crisis-pack-file-serial = Numéro (le plus grand est le plus récent)
crisis-pack-file-signing-key = Signé par la clé
crisis-pack-file-explanation = Confidentiel : gardez ce fichier en lieu sûr et ne le partagez avec personne. C'est une copie de l'annuaire tel qu'il était à la date ci-dessus ; un dossier plus récent le remplace.
crisis-pack-file-expired = Ce dossier a expiré : procurez-vous-en un plus récent dès que possible.
crisis-pack-file-age = Ce dossier a { $days } jours.
crisis-pack-file-download-csv = Enregistrer les entrées en fichier CSV
crisis-pack-role-diplomatic = Diplomatique
crisis-pack-role-technical = Technique
crisis-pack-col-role = Rôle
crisis-pack-object = le dossier de crise n° { $id }
values-log-crisis-pack-issue = { $actor } a téléchargé { $object } (l'annuaire à garder hors ligne).
crisis-pack-help = Garder l'annuaire hors ligne
crisis-pack-help-text = La page du dossier de crise (depuis votre accueil) télécharge les entrées de l'annuaire que vous pouvez voir en un seul fichier à garder pour quand le portail est injoignable : signé par l'instance, chiffré pour la clé OpenPGP de votre entrée ou avec une phrase secrète de votre choix, valable 30 jours et affichant son âge en haut. Vérifiez-le hors ligne avec gpg ou avec pocdir pack verify ; un dossier plus récent remplace le précédent. Chaque téléchargement est inscrit comme une lecture de chacune de ses entrées.
crisis-pack-by-mail = Un nouveau paquet est aussi envoyé par courriel tous les { $days } jours à chaque point de contact dont la fiche porte une clé OpenPGP, chiffré pour cette clé.
crisis-pack-by-mail-you = Vous le recevez à { $email }.
crisis-pack-by-mail-not-you = Aucun paquet ne vous est envoyé : votre compte ne détient aucune fiche avec une clé OpenPGP utilisable. Ajoutez une clé à votre fiche pour les recevoir.
crisis-pack-mail-subject = Paquet de crise pocdir du { $date }
crisis-pack-mail-body =
    Bonjour,

    Voici votre paquet de crise du { $date } : les fiches de l'annuaire que vous pouvez voir, à garder pour le jour où le portail est injoignable. Il est chiffré pour votre clé OpenPGP et signé par la clé de cette instance. Il est valable jusqu'au { $until } ; un paquet plus récent le remplace.

    Votre logiciel de messagerie peut l'ouvrir directement. Sinon, enregistrez le texte de ce courriel dans un fichier et lancez : gpg --decrypt FICHIER, ou pocdir pack verify FICHIER.

    La création de ce paquet est inscrite au journal comme une lecture de chaque fiche qu'il contient. La page du paquet de crise sur le portail : { $link }
