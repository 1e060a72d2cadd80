# Apprentissage en ligne : modules, leçons, questionnaires et certificats de réussite.


learning-list-title = Apprentissage en ligne
learning-list-lead = De courts modules consacrés au fonctionnement de l'annuaire, dans votre langue. Lisez les leçons, puis réussissez le questionnaire pour recevoir un certificat que chacun peut vérifier.
learning-none = Aucun module n'a encore été publié.
learning-lessons-read = Leçons lues :
learning-best-score = Meilleur résultat :
learning-certificate-link = Votre certificat
learning-version = Version
learning-lessons = Leçons
learning-lesson = Leçon
learning-read = Lue
learning-read-next = Marquer comme lue et passer à la leçon suivante
learning-read-last = Marquer comme lue et revenir au module
learning-quiz = Questionnaire
learning-quiz-about = { $questions ->
    [one] { $questions } question.
   *[other] { $questions } questions.
}
learning-quiz-minutes = { $minutes ->
    [one] Vous disposez de { $minutes } minute une fois le questionnaire commencé.
   *[other] Vous disposez de { $minutes } minutes une fois le questionnaire commencé.
}
learning-quiz-mastery = Il faut { $percent } % de bonnes réponses pour réussir.
learning-quiz-start = Commencer le questionnaire
learning-quiz-continue = Poursuivre le questionnaire
learning-quiz-again = Repasser le questionnaire
learning-quiz-submit = Envoyer mes réponses
learning-deadline = Date limite de réponse :
learning-passed = Vous avez réussi. Votre certificat est prêt.
learning-not-passed = Vous n'avez pas atteint le seuil de réussite cette fois-ci. Relisez les leçons et repassez le questionnaire.
learning-score = Résultat :
learning-mastery = Seuil de réussite :
done-learning-graded = Vos réponses sont corrigées.
done-learning-uploaded = Le module est publié sous la forme d'une nouvelle version.

learning-manage-title = Gérer les modules
learning-manage-lead = Téléversez ensemble les fichiers d'un module : module.toml, un fichier Markdown par leçon et par langue, et un fichier de questionnaire par langue. Chaque téléversement crée une nouvelle version ; les versions antérieures et les certificats qu'elles ont permis de délivrer restent inchangés.
learning-upload-files = Fichiers du module
learning-upload-hint = Par exemple : module.toml, 01-roles.en.md, 01-roles.fr.md, quiz.en.toml, quiz.fr.toml. Le HTML brut, les images et les scripts sont refusés.
learning-upload = Téléverser
learning-upload-refused = Le module n'a pas été publié. Corrigez ces problèmes et téléversez-le de nouveau :
learning-upload-concurrent = Une autre version de ce module a été publiée au même moment. Téléversez de nouveau vos fichiers pour publier votre version après celle-ci.
learning-modules = Modules
learning-module = Module
learning-languages = Langues
learning-versions = Versions

learning-problem-no-files = Aucun fichier n'a été choisi.
learning-problem-too-large = Trop volumineux : 256 KiB au plus par fichier, 2 MiB au total, 200 fichiers.
learning-problem-not-text = Ce n'est pas du texte UTF-8.
learning-problem-unknown-file = Ce fichier ne fait pas partie d'un module : son nom doit être module.toml, <lesson>.<language>.md ou quiz.<language>.toml.
learning-problem-duplicate-file = Ce fichier a été choisi deux fois.
learning-problem-no-manifest = Le fichier module.toml manque.
learning-problem-unreadable = Ce fichier TOML est illisible.
learning-problem-format = Le format doit être "pocdir-learning-module/1".
learning-problem-slug = Le nom du module (slug) doit comporter de 3 à 60 lettres minuscules, chiffres ou tirets.
learning-problem-mastery = Le seuil de réussite doit être compris entre 50 et 100 %.
learning-problem-minutes = La durée du questionnaire doit être comprise entre 5 et 240 minutes.
learning-problem-lessons = Les leçons doivent porter de 1 à 20 noms distincts, composés de lettres minuscules, de chiffres ou de tirets.
learning-problem-answers = Chaque réponse doit être le numéro d'un choix (de 1 à 6), pour 1 à 50 questions.
learning-problem-missing-file = Ce fichier manque : chaque langue doit comporter toutes les leçons et un questionnaire.
learning-problem-questions = Le questionnaire doit comporter un titre et autant de questions que de réponses, chacune avec 2 à 6 choix, le nombre de choix étant le même dans chaque langue.
learning-problem-no-reference = Le texte anglais manque : chaque module en comporte un.
learning-problem-html = Le HTML brut n'est pas autorisé dans une leçon.
learning-problem-image = Les images ne sont pas autorisées dans une leçon.
learning-problem-link = Les liens ne peuvent renvoyer qu'à des adresses https, http ou mailto.
learning-problem-heading = Une leçon commence par son titre, sous la forme d'une ligne "# Titre".
learning-quiz-past-deadline = Le temps imparti pour cette tentative est écoulé. Recommencez le questionnaire.
learning-quiz-incomplete = Choisissez une réponse pour chaque question.
learning-quiz-already-graded = Ces réponses ont déjà été corrigées.

certificate-title = Certificat de réussite
certificate-valid = Ce certificat est authentique : sa signature correspond à la clé de cette installation.
certificate-forged = Ce certificat n'est pas authentique : son contenu ne correspond pas à sa signature.
certificate-unreadable = Ce n'est pas un certificat pocdir (collez le texte intégral du certificat).
certificate-unknown-key = Ce certificat n'a pas été signé par cette installation.
certificate-certifies = Le présent certificat atteste que
certificate-passed = a réussi le module d'apprentissage en ligne
certificate-date = Date
certificate-issuer = Délivré par
certificate-id = Numéro du certificat
certificate-key = Clé de signature
certificate-json = Le certificat sous forme de texte
certificate-json-hint = Conservez ce texte : chacun peut le vérifier sur la page de vérification de cette installation ou au moyen de la commande ci-dessous.
certificate-verify-title = Vérifier un certificat
certificate-verify-lead = Collez le texte d'un certificat pour vérifier qu'il a été délivré par cette installation et que rien n'y a été modifié.
certificate-verify-paste = Texte du certificat
certificate-verify = Vérifier
certificate-verify-cli = Sans navigateur :

values-log-learning-upload = { $actor } a publié une version de { $object }.
values-log-learning-grade = { $actor } a passé le questionnaire de { $object }.

learning-object = le module d'apprentissage en ligne { $id }
home-learning-link = Apprentissage en ligne : courts modules et certificats
public-certificate-teaser = Vous avez reçu un certificat d'apprentissage en ligne pocdir ? Chacun peut vérifier qu'il est authentique.
learning-help = Apprentissage en ligne et certificats
learning-help-text = Chaque module comporte de courtes leçons et un questionnaire, dans les six langues. Marquez les leçons comme lues, puis ouvrez le questionnaire : il doit être rempli dans le temps imparti, en une seule fois. Atteindre le seuil de réussite du module donne droit à un certificat signé par la clé de cette installation ; chacun peut le vérifier sur la page publique de vérification, et votre organisation peut importer les modules que vous avez réussis sous forme de déclarations xAPI.
