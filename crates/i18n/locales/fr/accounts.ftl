# Comptes gérés dans le portail : invitations, lien d'inscription, pages
# des comptes du secrétariat, mot de passe oublié, premier mot de passe.

nav-accounts = Comptes
nav-invitations = Invitations

accounts-title = Comptes
accounts-intro = Tous les comptes du portail. Ouvrez-en un pour le désactiver, le réactiver ou réinitialiser son second facteur.
accounts-col-name = Nom
accounts-col-email = Adresse électronique
accounts-col-kind = Type de compte
accounts-col-status = Statut
accounts-col-created = Créé le
accounts-status-active = Actif
accounts-status-enrolment-due = Second facteur à configurer
accounts-status-password-due = Mot de passe à choisir
accounts-status-disabled = Désactivé
accounts-reason = Motif (envoyé au titulaire du compte et conservé dans le journal)
accounts-reason-missing = Indiquez le motif en quelques mots : il est envoyé au titulaire du compte et conservé dans le journal.
accounts-reason-too-long = Le motif est trop long : restez sous 1000 caractères.
accounts-disable-heading = Désactiver ce compte
accounts-disable-intro = Il ne peut plus se connecter ; ses sessions prennent fin et ses jetons d'API cessent aussitôt de fonctionner.
accounts-disable-button = Désactiver
accounts-enable-heading = Réactiver ce compte
accounts-enable-intro = Il peut de nouveau se connecter avec son mot de passe et son second facteur. Ses anciens jetons d'API restent révoqués.
accounts-enable-button = Réactiver
accounts-reset-heading = Réinitialiser le second facteur
accounts-reset-intro = En cas de téléphone ou d'application perdus : l'application et les codes de récupération cessent de fonctionner, les sessions prennent fin et le compte configure de nouveau son second facteur à sa prochaine connexion.
accounts-reset-button = Réinitialiser le second facteur
accounts-not-yourself = Vous ne pouvez pas désactiver votre propre compte ni réinitialiser votre propre second facteur ici : demandez-le à un autre membre du secrétariat.
accounts-already-so = Rien à faire : le compte est déjà dans cet état.

invitations-title = Invitations
invitations-intro = Invitations qui n'ont pas encore été acceptées. Chaque lien ne fonctionne qu'une fois et jusqu'à son expiration.
invitations-new = Inviter une personne
invitations-empty = Aucune invitation en attente.
invitations-col-sent = Envoyée le
invitations-col-expires = Lien valable jusqu'au
invitations-revoke = Révoquer
accounts-invitation-closed = Cette invitation a déjà été acceptée, révoquée ou a expiré.

invite-title = Inviter une personne dans le portail
invite-intro = La personne reçoit un courriel avec un lien pour choisir un mot de passe et configurer son second facteur. Le lien ne fonctionne qu'une fois, pendant sept jours.
invite-participant-hint = (pour un nominateur ou un point de contact)
invite-language = Langue du courriel
invite-submit = Envoyer l'invitation
accounts-invite-email-invalid = Saisissez une adresse électronique comme nom@example.org.
accounts-invite-name-missing = Saisissez le nom de la personne (200 caractères au plus).
accounts-invite-kind-invalid = Choisissez un type de compte dans la liste.
accounts-invite-participant-missing = Choisissez l'État ou l'organisation pour lequel ce compte agit.
accounts-invite-account-exists = Un compte utilise déjà cette adresse électronique.
accounts-invite-pending-exists = Une invitation à cette adresse est déjà en attente. Révoquez-la d'abord pour en envoyer une nouvelle.

enrol-password-title = Bienvenue dans pocdir
enrol-password-intro = Vous avez été invité dans le Répertoire des points de contact. Choisissez votre mot de passe pour créer votre compte.
enrol-password-submit = Choisir ce mot de passe
enrol-password-next = Vous configurerez ensuite votre second facteur avec une application d'authentification.

link-title = Ce lien ne peut pas être utilisé
link-unknown = Ce lien est inconnu. Vérifiez qu'il a été copié en entier depuis le courriel.
link-used = Ce lien a déjà été utilisé. Chaque lien ne fonctionne qu'une fois.
link-revoked = Cette invitation a été retirée. Demandez-en une nouvelle à la personne qui vous a invité.
link-expired = Ce lien a expiré. Demandez-en un nouveau.
link-go-sign-in = Aller à la connexion

forgot-link = Mot de passe oublié ?
forgot-title = Mot de passe oublié
forgot-intro = Saisissez l'adresse électronique de votre compte. Si elle correspond à un compte, nous lui envoyons un lien pour choisir un nouveau mot de passe. Il vous faudra aussi votre application d'authentification ou un code de récupération.
forgot-submit = Envoyer le lien
forgot-sent = Si un compte utilise cette adresse, un lien pour choisir un nouveau mot de passe lui est envoyé. Il ne fonctionne qu'une fois, pendant une heure.

reset-title = Choisir un nouveau mot de passe
reset-intro = Nouveau mot de passe pour
reset-recovery-instead = Ou, à la place du code, l'un de vos codes de récupération
reset-no-second-factor = Votre compte n'a pas encore de second facteur : vous le configurerez à votre prochaine connexion.
reset-submit = Enregistrer le nouveau mot de passe

first-password-title = Choisissez votre propre mot de passe
first-password-intro = Votre mot de passe a été défini par quelqu'un d'autre. Choisissez le vôtre avant de continuer : rien d'autre ne s'ouvre avant cela.
first-password-submit = Choisir ce mot de passe
first-password-same-as-before = Choisissez un mot de passe différent de celui qui vous a été donné.

poc-access-title = Accès au portail
poc-access-linked = Ce point de contact se connecte avec le compte
poc-access-invited = Une invitation attend d'être acceptée, valable jusqu'à la date indiquée :
poc-access-none = Ce point de contact n'a pas encore de compte dans le portail.
poc-access-invite-heading = Envoyer une invitation
poc-access-invite-intro = Une invitation à l'une des adresses vérifiées de la fiche. Une fois acceptée, le nouveau compte est lié à cette fiche.
poc-access-link-heading = Lier à un compte existant
poc-access-account = Compte de cet État et de ce rôle
poc-access-link-submit = Lier
accounts-link-choose = Choisissez dans la liste un compte de cet État et de ce rôle.
accounts-poc-invite-choose = Choisissez l'une des adresses électroniques vérifiées de la fiche.
accounts-poc-not-active = Seul un point de contact vérifié et actif peut recevoir un accès au portail.

done-invitation-sent = L'invitation est envoyée.
done-invitation-revoked = L'invitation est révoquée : son lien ne fonctionne plus.
done-account-disabled = Le compte est désactivé et son titulaire en a été informé, avec le motif.
done-account-enabled = Le compte est réactivé et son titulaire en a été informé, avec le motif.
done-second-factor-reset = Le second facteur est réinitialisé ; le compte le configurera de nouveau à sa prochaine connexion.
done-password-chosen = Votre mot de passe est changé.
done-password-reset = Votre mot de passe est changé. Connectez-vous avec celui-ci.
done-poc-linked = Le point de contact est lié au compte.

accounts-mail-signature = pocdir, le Répertoire des points de contact
accounts-mail-invitation-subject = Votre invitation au Répertoire des points de contact
accounts-mail-invitation-body =
    Bonjour,

    { $inviter } vous invite dans le Répertoire des points de contact en tant que { $state ->
        [none] { $kind }
       *[other] { $kind } de { $state }
    }.

    Ouvrez ce lien pour choisir votre mot de passe et configurer votre second facteur (une application d'authentification) :
    { $link }

    Le lien ne fonctionne qu'une fois, jusqu'au { $expires }. Si vous n'attendiez pas cette invitation, ignorez ce courriel.
accounts-mail-reset-subject = Choisir un nouveau mot de passe pour le Répertoire des points de contact
accounts-mail-reset-body =
    Bonjour,

    Quelqu'un a demandé à choisir un nouveau mot de passe pour le compte { $email }. Si c'est vous, ouvrez ce lien :
    { $link }

    Il vous faudra aussi votre application d'authentification ou un code de récupération. Le lien ne fonctionne qu'une fois, jusqu'au { $expires }.

    Si ce n'est pas vous, ignorez ce courriel : votre mot de passe n'a pas changé.
accounts-mail-disabled-subject = Votre compte dans le Répertoire des points de contact est désactivé
accounts-mail-disabled-body =
    Bonjour,

    Le secrétariat a désactivé votre compte. Vous ne pouvez plus vous connecter et vos jetons d'API ne fonctionnent plus.

    Motif : { $reason }

    Si vous pensez qu'il s'agit d'une erreur, répondez au secrétariat.
accounts-mail-enabled-subject = Votre compte dans le Répertoire des points de contact est réactivé
accounts-mail-enabled-body =
    Bonjour,

    Le secrétariat a réactivé votre compte. Vous pouvez vous connecter avec votre mot de passe et votre second facteur : { $link }

    Motif : { $reason }
accounts-mail-mfa-reset-subject = Votre second facteur dans le Répertoire des points de contact a été réinitialisé
accounts-mail-mfa-reset-body =
    Bonjour,

    Le secrétariat a réinitialisé votre second facteur : votre application d'authentification et vos codes de récupération ne fonctionnent plus. À votre prochaine connexion, vous configurerez de nouveau le second facteur : { $link }

    Motif : { $reason }

    Si vous ne l'avez pas demandé, prévenez immédiatement le secrétariat.
