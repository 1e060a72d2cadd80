# French — pocdir interface messages

app-name = pocdir — Répertoire des points de contact
footer-text = Répertoire des points de contact aux fins des mesures de confiance entre États. La participation est volontaire ; les informations que les États communiquent ici sont confidentielles.

nav-skip = Aller au contenu
nav-languages = Langues
nav-account = Votre compte
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter

home-title = Répertoire des points de contact
home-lead = Les États désignent des points de contact diplomatiques et techniques afin de pouvoir communiquer entre eux rapidement et en toute sécurité lorsqu'un incident lié aux TIC menace la paix et la sécurité internationales.
home-point-voluntary = La participation est volontaire et progressive : un État peut commencer par un seul point de contact.
home-point-reciprocity = Seuls les points de contact des États participants ont accès au répertoire ; le public voit quels États y participent, mais aucune donnée personnelle.
home-point-no-attribution = Le répertoire est un moyen de communication, et non un outil d'attribution des incidents.

login-title = Connexion
login-email = Adresse électronique
login-password = Mot de passe
login-submit = Continuer
login-help = Après la saisie de votre mot de passe, un code de votre application d'authentification vous sera demandé.
login-wrong = L'adresse électronique ou le mot de passe est incorrect.
login-locked = { $minutes ->
    [one] Trop de tentatives infructueuses. La connexion est suspendue ; veuillez réessayer dans { $minutes } minute.
   *[other] Trop de tentatives infructueuses. La connexion est suspendue ; veuillez réessayer dans { $minutes } minutes.
}
login-disabled = Ce compte est désactivé. Veuillez contacter le Secrétariat.
login-session-ended = Votre session a pris fin. Veuillez vous reconnecter.

mfa-title = Second facteur d'authentification
mfa-code = Code à six chiffres fourni par votre application d'authentification
mfa-submit = Vérifier
mfa-use-recovery = Vous avez perdu votre appareil ? Utilisez un code de récupération
mfa-recovery-code = Code de récupération
mfa-wrong = Ce code n'est pas valide. Vérifiez l'heure de votre appareil et saisissez le code actuel.
mfa-replayed = Ce code a déjà été utilisé. Attendez le code suivant et réessayez.
mfa-wrong-recovery = Ce code de récupération n'est pas valide ou a déjà été utilisé.

enrol-title = Configurer votre second facteur d'authentification
enrol-intro = Chaque compte est protégé par un mot de passe ainsi que par un code à usage unique. Configurez ce dernier une fois pour toutes à l'aide d'une application d'authentification (par exemple FreeOTP, Aegis ou Google Authenticator).
enrol-step-scan = Scannez ce code avec votre application d'authentification :
enrol-qr-label = Code QR contenant la clé secrète de votre application d'authentification
enrol-step-type = Ou saisissez cette clé secrète dans l'application :
enrol-step-confirm = Pour confirmer, saisissez le code qu'affiche maintenant l'application :
enrol-submit = Confirmer et continuer

recovery-title = Vos codes de récupération
recovery-intro = Conservez ces codes en lieu sûr, à l'écart de votre appareil. Chacun d'eux vous permet de vous connecter une fois si vous perdez votre application d'authentification. Ils ne sont affichés que maintenant.
recovery-continue = Continuer

account-title = Votre compte
account-email = Adresse électronique
account-kind = Type de compte
account-participant = Agit au nom de
account-password-heading = Modifier le mot de passe
account-password-current = Mot de passe actuel
account-password-new = Nouveau mot de passe (12 caractères au minimum)
account-password-confirm = Confirmer le nouveau mot de passe
account-password-submit = Modifier le mot de passe
account-password-changed = Votre mot de passe a été modifié. Vos autres sessions ont été fermées.
account-password-current-wrong = Le mot de passe actuel est incorrect.
account-password-mismatch = Les deux nouveaux mots de passe ne correspondent pas.
account-password-too-short = Le nouveau mot de passe doit comporter au moins 12 caractères.
account-password-too-long = Le nouveau mot de passe doit comporter au plus 256 caractères.
account-recovery-heading = Codes de récupération
account-recovery-left = { $count ->
    [one] Il vous reste { $count } code de récupération inutilisé.
   *[other] Il vous reste { $count } codes de récupération inutilisés.
}
account-recovery-submit = Générer de nouveaux codes de récupération (les anciens cesseront d'être valides)
account-sessions-heading = Sessions ouvertes
account-session-started = Début
account-session-seen = Dernière activité
account-session-browser = Navigateur
account-session-address = Adresse
account-session-end = Fermer
account-session-end-this = Fermer (ce navigateur)
account-session-revoked = La session a été fermée.
account-tokens-heading = Jetons d'API
account-tokens-intro = Les jetons permettent à des scripts d'utiliser l'API en votre nom. Un jeton n'est affiché qu'une seule fois, lors de sa création.
account-token-name = Nom
account-token-scope = Portée
account-token-scope-read = Lecture seule
account-token-scope-write = Lecture et écriture
account-token-days = Durée de validité (en jours)
account-token-expires = Expiration
account-token-last-used = Dernière utilisation
account-token-create = Créer un jeton
account-token-revoke = Révoquer
account-token-inactive = Révoqué ou expiré
account-token-revoked = Le jeton a été révoqué.
account-token-name-invalid = Donnez au jeton un nom comportant de 1 à 100 caractères.
account-token-days-invalid = La durée de validité doit être un nombre entier de jours compris entre 1 et { $max }.
account-token-scope-invalid = La portée doit être « read » ou « write ».
token-created-title = Nouveau jeton d'API
token-created-intro = Copiez ce jeton maintenant : il ne sera plus affiché. Envoyez-le sous la forme « Authorization: Bearer » suivi du jeton.

kind-secretariat = Secrétariat
kind-nominator = Autorité de désignation
kind-diplomatic_poc = Point de contact diplomatique
kind-technical_poc = Point de contact technique
kind-reporter = Déclarant privé
kind-auditor = Auditeur

error-status = Statut
error-home = Retour à la page d'accueil
error-title-bad-request = La requête n'a pas pu être interprétée
error-title-unauthorized = Veuillez vous connecter
error-title-forbidden = Opération non autorisée
error-title-not-found = Page introuvable
error-title-method-not-allowed = Opération non autorisée ici
error-title-conflict = Conflit
error-title-too-many = Trop de tentatives
error-title-internal = Une erreur s'est produite
error-not-found = Il n'y a rien à cette adresse.
error-method-not-allowed = Cette adresse n'accepte pas ce type de requête.
error-unauthorized = Vous devez vous connecter (ou envoyer un jeton d'API valide) pour effectuer cette opération.
error-forbidden = Votre compte n'est pas autorisé à effectuer cette opération.
error-csrf = Le formulaire a expiré ou ne provient pas de ce site. Revenez en arrière, rechargez la page et réessayez.
error-bad-request = La requête n'est pas valide.
error-duplicate = Cela existe déjà : la valeur est déjà prise.
error-not-allowed-now = Ce n’est pas possible maintenant : l’état de l’enregistrement ne le permet pas. Rechargez la page pour voir ce qui a changé.
error-bad-form = Le formulaire est incomplet ou n'est pas valide.
error-malformed-json = Le corps de la requête n'est pas un document JSON valide de la forme attendue.
error-unsupported-media-type = Le corps de la requête est d'un type que cette adresse n'accepte pas.
error-payload-too-large = Le corps de la requête est trop volumineux.
error-internal = Une erreur interne s'est produite. Elle a été consignée ; veuillez réessayer ultérieurement.
error-unavailable = Le serveur est occupé et n’a pas pu enregistrer cette modification ; rien n’a été enregistré. Veuillez réessayer dans un instant.
error-bad-query = Les paramètres de requête de cette adresse sont manquants ou non valides.
error-bad-path = Cette adresse n’est pas valide : une de ses parties n’est pas ce qui était attendu (par exemple un nombre).

log-error-size-beyond = La taille d'arbre { $size } est supérieure à celle du journal, qui compte { $log_size } entrées.
log-error-index-out-of-range = L'entrée { $index } ne figure pas dans un arbre de taille { $size } : les indices commencent à 0 et restent inférieurs à la taille.
log-error-first-after-second = La première taille ({ $first }) ne doit pas être supérieure à la seconde ({ $second }).
log-error-empty-first = Une preuve de cohérence part d'un arbre comportant au moins une entrée.
log-error-range-reversed = La fin de l'intervalle ne doit pas précéder son début.
log-error-range-too-long = Veuillez demander au maximum { $max } entrées à la fois.

nav-audit = Journal d'audit
nav-own-state-log = Journal de mon État
audit-title = Journal d'audit
audit-own-title = Journal des opérations concernant
audit-intro = { $count ->
    [one] Le journal contient { $count } entrée. Toute modification, ainsi que toute consultation des coordonnées, y est consignée dans l'ordre et ne peut être réécrite sans que cela soit détecté.
   *[other] Le journal contient { $count } entrées. Toute modification, ainsi que toute consultation des coordonnées, y est consignée dans l'ordre et ne peut être réécrite sans que cela soit détecté.
}
audit-filter-actor = Auteur (numéro de compte)
audit-filter-action = Action
audit-filter-participant = État (alpha-3)
audit-filter-from = Du
audit-filter-to = Au
audit-filter-submit = Filtrer
audit-empty = Aucune entrée ne correspond à ces critères.
audit-col-time = Date et heure (UTC)
audit-col-actor = Auteur
audit-col-action = Action
audit-col-object = Objet
audit-col-participant = État concerné
audit-col-content-hash = Empreinte du contenu
audit-older = Entrées plus anciennes
audit-verify-hint = Toute personne peut vérifier ce journal : récupérez la tête d'arbre signée et les preuves à l'adresse /api/v1/log, ou exécutez « pocdir log monitor ». Les opérateurs exécutent « pocdir log verify ».
audit-proof-jump = Vérifiez ces entrées par vous-même, sans faire confiance à l'opérateur.
audit-proof-heading = Vérifiez par vous-même, sans faire confiance à l'opérateur
audit-proof-intro = Votre État peut vérifier les entrées de cette page avec son propre ordinateur et la seule clé publique du journal. La commande « pocdir state-proof » vérifie :
audit-proof-check-included = que chaque entrée concernant votre État figure dans le journal signé, et qu'aucune n'a été modifiée ni supprimée depuis votre dernière vérification ;
audit-proof-check-history = que le journal n'a fait que s'allonger depuis la tête vue lors de votre dernière vérification ;
audit-proof-check-details = que les coordonnées de vos points de contact, telles que l'annuaire les sert et telles que votre propre registre les conserve, sont celles que votre État a proposées dans le journal ;
audit-proof-check-readers = qui a consulté les coordonnées de vos points de contact, et quand.
audit-proof-head = { $count ->
    [one] Le journal signé contient actuellement { $count } entrée ; sa racine commence par
   *[other] Le journal signé contient actuellement { $count } entrées ; sa racine commence par
}
audit-proof-key = signé par la clé
audit-proof-run = Exécutez ceci régulièrement sur un ordinateur de votre État : chaque exécution vérifie aussi que le journal n'a fait que s'allonger depuis la précédente (code de sortie 0 si tout est vérifié, 1 en nommant le premier écart) :
audit-proof-token = La commande a besoin d'un jeton d'API de l'un des comptes de votre État, fourni dans POCDIR_TOKEN.
audit-proof-token-link = Créer un jeton d'API
audit-error-actor = L'auteur doit être indiqué par un numéro de compte.
audit-error-date = Les dates doivent être saisies au format YYYY-MM-DD.

nav-participants = Participants
participants-title = États et organisations participants
participants-count = { $count ->
    [one] { $count } participant prend part au répertoire.
   *[other] { $count } participants prennent part au répertoire.
}
participants-eligible = { $count ->
    [one] { $count } État ou organisation peut rejoindre le répertoire.
   *[other] { $count } États et organisations peuvent rejoindre le répertoire.
}
participants-none = Aucun État ne participe encore.
participants-col-name = Nom
participants-col-code = Code
participants-col-region = Région
participants-join-heading = Comment rejoindre le répertoire
participants-join-text = La participation est volontaire et peut commencer modestement : un État rejoint le répertoire lorsque son autorité de désignation (généralement sa mission permanente) propose un point de contact diplomatique ou technique. Dès que le Secrétariat a vérifié ce premier point de contact, l'État devient participant et a accès au répertoire des autres États participants.
participants-public-heading = Ce qui est public et ce qui ne l'est pas
participants-public-yes = Public : les États et organisations qui participent, ainsi que le nombre de points de contact diplomatiques et techniques dont chacun dispose.
participants-public-no = Non public : les noms, adresses électroniques, numéros de téléphone et toute autre donnée relative aux points de contact, ainsi que tout ce qui est échangé par l'intermédiaire du répertoire. Seuls les points de contact des États participants se voient mutuellement (réciprocité).
participants-public-reads = Chaque consultation des coordonnées des points de contact d'un État est consignée dans le journal d'audit, qui ne peut être modifié sans que cela soit détecté, et cet État peut en prendre connaissance.
participant-error-code = Un code de participant comporte de 2 à 10 lettres majuscules ou chiffres (pour un État, son code ISO 3166-1 alpha-3, par exemple PAK).
participant-error-names = Indiquez le nom dans chacune des six langues officielles de l'Organisation des Nations Unies (arabe, chinois, anglais, français, russe, espagnol), à raison de 200 caractères au maximum par langue.
participant-error-code-taken = Ce code est déjà utilisé par un autre participant.

poc-duties-diplomatic = Représente l'État dans les communications bilatérales et multilatérales relatives aux incidents liés aux TIC, et facilite le dialogue entre États.
poc-duties-technical = Évalue sur le plan technique les informations échangées par l'intermédiaire du répertoire, et communique et reçoit des données sur les cybermenaces.
error-invalid-fields = Certains champs ne sont pas valides ; pour chacun d'eux, l'erreur est indiquée.
poc-error-role = Le rôle doit être « diplomatic » ou « technical ».
poc-error-required = Ce champ est obligatoire.
poc-error-too-long = Ce champ est trop long.
poc-error-semicolon = Un canal sécurisé ne peut pas contenir « ; », qui sépare les canaux dans les fichiers exportés : mettez chaque canal sur sa propre ligne.
poc-error-control-characters = Ce champ contient des caractères qui ne peuvent pas être affichés.
poc-error-email-required = Indiquez au moins une adresse électronique.
poc-error-too-many = Cette liste comporte trop d'éléments.
poc-error-email = Il ne s'agit pas d'une adresse électronique.
poc-error-phone = Saisissez les numéros de téléphone au format international E.164, par exemple +44 20 7946 0000.
poc-error-phone-use = L'usage d'un numéro doit être « office », « mobile » ou « 24x7 ».
poc-error-language-required = Indiquez au moins une langue de travail.
poc-error-language = Il ne s'agit pas d'une balise de langue (BCP 47, par exemple « en », « fr-CA », « zh-Hans »).
poc-error-time-zone = Il ne s'agit pas d'un fuseau horaire de la base de données IANA (par exemple « Asia/Karachi », « Europe/Paris »).
poc-error-hours = Indiquez les horaires sous forme de jours et d'heures, par exemple « Mon-Fri 09:00-17:00 » ou « Sun-Thu 08:00-16:00 », ou « 24/7 ».
poc-error-reason-required = Tout rejet doit être motivé ; le motif sera communiqué à l'autorité de désignation.
poc-error-stale = Ce point de contact a été modifié depuis que vous l'avez consulté (il en est maintenant à la version { $version }). Rechargez-le et prenez à nouveau votre décision.
poc-error-nothing-pending = Aucun élément concernant ce point de contact n'est en attente de décision.
poc-error-not-your-state = Votre compte ne peut pas effectuer cette opération pour cet État. La tentative a été consignée.
poc-error-role-fixed = Le rôle d'un point de contact ne peut pas être modifié ; retirez-le et désignez-en un nouveau.
poc-error-not-allowed-now = Ce point de contact ne peut pas être modifié dans son état actuel (il a peut-être été retiré ou rejeté, ou son retrait est en attente de décision).

participant-status = Statut
participant-status-not_participating = Non participant
participant-status-participating = Participant
participant-status-suspended = Suspendu
participant-status-withdrawn = Retiré
participant-pocs-heading = Points de contact
participant-pocs-none = Aucun point de contact vérifié pour le moment.
participant-pocs-hidden = Les points de contact ne sont visibles que par les points de contact des États participants, par l'autorité de désignation de l'État concerné et par le Secrétariat.
poc-pending = En attente de vérification par le Secrétariat.
poc-field-title = Titre
poc-field-organisation = Organisation
poc-field-emails = Adresse électronique
poc-field-phones = Téléphone
poc-field-languages = Langues de travail
poc-field-time-zone = Fuseau horaire
poc-field-hours = Horaires
poc-within-hours = actuellement pendant les heures de travail
poc-outside-hours = actuellement en dehors des heures de travail
audit-proof-help = Prouver vous-même les fiches de votre État
audit-proof-help-text = La page du journal d’audit (dans le menu) se termine par une commande que votre État exécute sur son propre ordinateur : « pocdir state-proof » récupère chaque entrée du journal concernant votre État, vérifie chacune contre le journal signé et que le journal n’a fait que s’allonger depuis sa dernière exécution, compare vos fiches à votre propre relevé de ce que vous avez désigné, et liste qui a lu les coordonnées de vos points de contact et quand. Il lui faut un jeton d’API (votre page de compte) et seulement la clé publique du journal ; il ne fait confiance ni au serveur ni à son exploitant.
