# Les pages des communications : boîte de réception, rédaction, fil, transfert ;
# le menu, les accueils et l'aide. (Les mots partagés sont dans communications.ftl.)

nav-communications = Communications
comm-page-unread-count = { $count ->
    [one] { $count } communication non lue
   *[other] { $count } communications non lues
}

comm-page-inbox-title = Communications
comm-page-metadata-only = Vous voyez qui a envoyé quoi à qui, quand, avec quel marquage et quel statut, mais pas le contenu : il n'est pas visible par l'opérateur du répertoire.
comm-page-compose = Rédiger une communication
comm-page-folders = Dossiers
comm-page-any = Tous
comm-page-filter-unread = Non lues seulement
comm-page-filter-unacknowledged = Sans accusé de réception seulement
comm-page-filter-apply = Afficher
comm-page-none = Aucune communication ici.
comm-page-col-label = Marquage
comm-page-col-from = De
comm-page-col-sent = Envoyée
comm-page-col-status = Statut
comm-page-col-recipient = Destinataire
comm-page-unread = Non lue
comm-page-number = Communication n° { $id }
comm-page-older = Communications plus anciennes
comm-page-acknowledged-of = { $count } sur { $total } ont accusé réception

comm-page-field-kind = Nature
comm-page-field-urgency = Urgence
comm-page-field-tlp = Marquage TLP
comm-page-field-to = Destinataires
comm-page-field-text = Texte libre
comm-page-field-text-language = Langue du texte libre
comm-page-field-attachments = Pièces jointes

comm-page-compose-title = Rédiger une communication
comm-page-reply-title = Répondre
comm-page-compose-intro = Indiquez ce que vous savez ; les champs structurés s'affichent pour chaque lecteur dans sa langue, le texte libre tel que vous l'écrivez.
comm-page-not-sent = Rien n'a été envoyé. Corrigez les champs ci-dessous et envoyez de nouveau.
comm-page-urgency-hint = Urgente : accusé de réception attendu sous 2 heures ; prioritaire : sous 24 heures ; ordinaire : sous 72 heures.
comm-page-address-states = À des États entiers, par rôle
comm-page-states = États participants
comm-page-states-hint = (maintenez Ctrl ou ⌘ pour en choisir plusieurs)
comm-page-roles = Quels points de contact de ces États :
comm-page-address-named = À des points de contact nommés
comm-page-named-hint = Les points de contact des États participants, par État. TLP:RED exige des points de contact nommés.
comm-page-local-time = Date et heure
comm-page-time-zone = Fuseau horaire
comm-page-text-language-hint = p. ex. français (fr)
comm-page-attachments-hint = PDF, PNG, JPEG ou texte brut ; 5 fichiers au plus, 5 Mo chacun, 10 Mo en tout.
comm-page-send = Envoyer
comm-page-send-reply = Envoyer la réponse
comm-page-reply-recipients = La réponse va à l'expéditeur et à chaque destinataire de la communication à laquelle vous répondez.
comm-page-back-to-thread = Retour à la communication

comm-page-forward-title = Transférer
comm-page-forward-intro = Transférez le contenu et les fichiers sous un marquage qui conserve ou resserre le marquage d'origine, à des destinataires que ce marquage autorise.
comm-page-forward-send = Transférer
comm-page-forward-refused = Non transférée : le marquage ne le permet pas. Le refus est consigné dans le journal.

comm-page-thread-title = Communication
comm-page-back-to-inbox = Retour aux communications
comm-page-amber-reminder = TLP:AMBER : hors de pocdir, ne partagez ceci qu'avec ceux que votre État sert, et seulement s'ils ont besoin d'en connaître.
comm-page-ack-by = Accusé de réception attendu avant le
comm-page-forwarded-from = Transfère
comm-page-my-status = Votre statut
comm-page-text-as-written = Texte libre, tel qu'écrit (en { $language }) :
comm-page-escalated = Aucun point de contact technique n'a accusé réception à temps ; les points de contact diplomatiques de ces États ont été alertés :
comm-page-recipients = { $count ->
    [one] { $count } destinataire
   *[other] { $count } destinataires
}
comm-page-acknowledge = Accuser réception
comm-page-reply = Répondre
comm-page-forward = Transférer
comm-page-zoned-time = { $time } ({ $zone })
comm-page-size-kb = { $size } Ko
comm-page-size-mb = { $size } Mo

comm-page-home-metadata = qui a envoyé quoi à qui, et les statuts (sans le contenu)
comm-page-home-unread = { $count ->
    [one] communication non lue
   *[other] communications non lues
}

done-communication-sent = La communication est envoyée à chaque destinataire.
done-communication-replied = Votre réponse est envoyée.
done-communication-forwarded = La communication est transférée.
done-communication-acknowledged = Réception accusée : l'expéditeur le voit.

help-task-communications = Lire vos communications
help-task-communications-text = « Communications » dans le menu indique combien vous n'en avez pas encore ouvert. La boîte de réception liste ce que vous avez reçu, le plus récent d'abord ; « Envoyées » ce que vous avez envoyé ; « Celles de mon État » tout ce qui a été envoyé à votre État ou par lui. Filtrez par nature, urgence, marquage, non lues ou sans accusé de réception.
help-task-communications-send = Envoyer une communication
help-task-communications-send-text = Choisissez la nature, l'urgence et un marquage TLP, puis les destinataires : des États participants entiers (leurs points de contact diplomatiques, techniques ou tous), ou des points de contact nommés. Une information TLP:RED ne peut aller qu'à des points de contact nommés. Il n'y a pas de champ pour l'attribution : le répertoire n'est pas un outil pour déterminer l'attribution.
help-task-communications-read = Lire et accuser réception
help-task-communications-read-text = Chaque message affiche d'abord son marquage TLP, avec ce qu'il permet. Accusez réception dès que vous en avez pris note : si aucun point de contact technique de votre État n'accuse réception avant l'échéance, les points de contact diplomatiques de votre État sont alertés.
help-task-communications-reply = Répondre
help-task-communications-reply-text = Une réponse va à l'expéditeur et à chaque destinataire du message auquel vous répondez, dans le même fil.
help-task-communications-forward = Transférer
help-task-communications-forward-text = Un transfert peut conserver ou resserrer le marquage, jamais l'assouplir, et n'atteindre que ceux que le marquage autorise. Une information TLP:RED n'est jamais transférée. Un transfert refusé est consigné dans le journal.
help-task-communications-metadata = Communications entre points de contact
help-task-communications-metadata-text = La liste de toutes les communications montre qui a envoyé quelle nature de communication à qui, quand, avec quel marquage, le statut de chaque destinataire et toute escalade. Le contenu n'est pas visible par l'opérateur, sauf si vous êtes destinataire.
