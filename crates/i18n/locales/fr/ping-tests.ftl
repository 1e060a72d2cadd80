# Tests de joignabilité (ping tests) : libellés des règles, contrôles d'une campagne, refus d'une réponse, et courriels.
ping-kind-scheduled = Programmée
ping-kind-ad_hoc = Ponctuelle
ping-status-scheduled = Programmée
ping-status-running = En cours
ping-status-finished = Terminée
ping-status-cancelled = Annulée
ping-roles-both = Points de contact diplomatiques et techniques
ping-roles-diplomatic = Points de contact diplomatiques
ping-roles-technical = Points de contact techniques
ping-channel-link = Lien envoyé par courriel
ping-channel-portal = Portail
ping-channel-api = API
ping-channel-other_channel = Autre moyen (consigné par le secrétariat)
ping-outcome-in_time = Réponse dans les délais
ping-outcome-late = Réponse tardive
ping-outcome-no_answer = Pas de réponse
ping-outcome-undeliverable = Courriel non distribuable
ping-outcome-awaiting = Réponse attendue
ping-finding-reached = Joint
ping-finding-not_reached = Non joint
ping-reach-all = Tous les points de contact joints
ping-reach-partly = Certains points de contact joints
ping-reach-none = Aucun point de contact joint
ping-reach-awaiting = Réponses attendues
ping-band-under_1h = Moins d'une heure
ping-band-1h_4h = 1 à 4 heures
ping-band-4h_12h = 4 à 12 heures
ping-band-12h_24h = 12 à 24 heures
ping-band-24h_48h = 1 à 2 jours
ping-band-48h_72h = 2 à 3 jours
ping-band-over_72h = Plus de 3 jours
ping-refused-unknown = Ce lien de test de joignabilité n'est pas valide. Vérifiez que vous avez copié le lien entier depuis le courriel ; rien n'a été enregistré.
ping-refused-used = Il a déjà été répondu à ce test de joignabilité. Merci : rien d'autre n'est nécessaire.
ping-refused-expired = Ce test de joignabilité est clos ; les réponses ne sont plus enregistrées. Rien n'a été enregistré.
ping-refused-cancelled = Ce test de joignabilité a été annulé par le secrétariat. Rien n'a été enregistré et rien d'autre n'est nécessaire.
ping-error-title-required = Donnez un titre à la campagne.
ping-error-title-invalid = Le titre doit compter au plus 200 caractères, sans caractère de contrôle.
ping-error-start-past = Le début est dans le passé. Choisissez une heure à venir, ou laissez vide pour commencer maintenant.
ping-error-start-far = Le début doit être dans les trois ans.
ping-error-window = Le délai de réponse doit être compris entre 1 heure et 30 jours.
ping-error-reminders-many = Cinq rappels au plus.
ping-error-reminder-outside = Chaque rappel doit tomber dans le délai de réponse (au moins 1 heure après le début).
ping-error-region-unknown = Une région choisie n'est pas celle d'un État participant.
ping-error-state-unknown = Un État choisi ne participe pas.
ping-error-announce-adhoc = Une campagne qui commence maintenant ne peut pas être annoncée à l'avance ; programmez-la pour plus tard.
ping-error-scope-empty = Aucun point de contact dans ce périmètre : aucun point de contact actif d'un État participant ne correspond aux rôles, régions et États choisis.
ping-error-note = La note doit compter au plus 2 000 caractères.
ping-error-cancel-over = Seule une campagne programmée ou en cours peut être annulée.
ping-error-publish-unfinished = Seuls les chiffres d'une campagne terminée peuvent être publiés.
ping-error-published-already = Les chiffres de cette campagne sont déjà publiés.
ping-mail-challenge-subject = Test de joignabilité : merci de confirmer que vous pouvez être joint ({ $title })
ping-mail-challenge-body =
    Ceci est un test de joignabilité de l'annuaire des points de contact ({ $title }).
    Il vérifie que les points de contact désignés par les États peuvent être joints et répondent à temps.

    Veuillez ouvrir ce lien et appuyer sur le bouton « Je confirme » de la page qui s'ouvre :
    { $link }

    Merci de répondre avant le { $answer_by }. Ouvrir le lien seul n'enregistre rien.
    Le lien ne fonctionne qu'une fois et pour vous seul ; ne le transférez pas.

    Ce qu'est un test de joignabilité et l'usage de ses résultats : { $about }
ping-mail-reminder-subject = Rappel : test de joignabilité, merci de confirmer que vous pouvez être joint ({ $title })
ping-mail-reminder-body =
    Nous n'avons pas encore reçu votre réponse au test de joignabilité de l'annuaire des points de contact ({ $title }).

    Veuillez ouvrir ce lien et appuyer sur le bouton « Je confirme » de la page qui s'ouvre :
    { $link }

    Merci de répondre avant le { $answer_by }.

    Ce qu'est un test de joignabilité et l'usage de ses résultats : { $about }
ping-mail-notice-subject = Un test de joignabilité aura lieu ({ $title })
ping-mail-notice-body =
    Un test de joignabilité de l'annuaire des points de contact ({ $title }) commencera le { $starts_at }.
    Vous recevrez un courriel avec un lien ; ouvrez-le et appuyez sur le bouton de la page qui s'ouvre.

    Ce qu'est un test de joignabilité et l'usage de ses résultats : { $about }
ping-mail-escalation-subject = Test de joignabilité : { $count ->
    [one] un point de contact de votre État n'a pas répondu à temps
   *[other] { $count } points de contact de votre État n'ont pas répondu à temps
} ({ $title })
ping-mail-escalation-body =
    Le délai de réponse du test de joignabilité « { $title } » est écoulé.
    Ces points de contact de votre État n'ont pas répondu à temps :

    { $pocs }

    Veuillez vérifier que leurs coordonnées sont à jour et qu'ils peuvent être joints. Résultats : { $link }
