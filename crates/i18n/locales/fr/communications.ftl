# Communications entre PoC : les termes du modèle, TLP, statuts, erreurs et
# courriels. (Les mots des pages sont dans communications-pages.ftl.)

comm-kind-incident_notification = Notification d’un incident TIC
comm-kind-information_request = Demande d’information
comm-kind-assistance_request = Demande d’assistance
comm-kind-response = Réponse
comm-kind-general = Communication générale

comm-urgency-routine = Ordinaire
comm-urgency-priority = Prioritaire
comm-urgency-urgent = Urgente

comm-sector-energy = Énergie
comm-sector-health = Santé
comm-sector-water = Eau
comm-sector-transport = Transports
comm-sector-finance = Finance
comm-sector-telecommunications = Télécommunications
comm-sector-government = Administration publique
comm-sector-other = Autre

comm-status-delivered = Remise
comm-status-read = Lue
comm-status-acknowledged = Réception accusée
comm-status-answered = Répondue

comm-roles-diplomatic = PoC diplomatiques
comm-roles-technical = PoC techniques
comm-roles-both = PoC diplomatiques et techniques

comm-folder-inbox = Boîte de réception
comm-folder-sent = Envoyées
comm-folder-state = Communications de mon État
comm-folder-all = Toutes les communications

tlp-meaning-clear = La diffusion n’est pas limitée.
tlp-meaning-green = Limitée aux PoC des États participant à l’annuaire. Ne pas publier.
tlp-meaning-amber = Limitée aux PoC des États concernés. Hors de pocdir, ne partager qu’avec ceux que votre État sert, selon le besoin d’en connaître.
tlp-meaning-amber-strict = Limitée aux PoC des États concernés, et seulement au sein de leur propre organisation.
tlp-meaning-red = Réservée aux destinataires nommés. Ne pas transférer, exporter ni partager.

tlp-refused-not-a-reader = Vous ne pouvez pas voir le contenu de cette communication.
tlp-refused-red-forward = Une information TLP:RED n’est jamais transférée.
tlp-refused-red-export = Une information TLP:RED n’est jamais exportée.
tlp-refused-red-named = TLP:RED exige des destinataires nommés : choisissez des personnes, pas des États entiers.
tlp-refused-loosens = Un transfert peut garder ou renforcer le label TLP, jamais l’assouplir.
tlp-refused-own-state = Ce label ne permet le partage qu’avec les PoC de votre propre État.
tlp-refused-community = Ce label ne permet le partage qu’avec les PoC des États participant à l’annuaire.
tlp-refused-taxii = Seules les informations TLP:CLEAR et TLP:GREEN sont partagées par TAXII.

comm-error-kind = Choisissez le type de communication.
comm-error-urgency = Choisissez le degré d’urgence.
comm-error-tlp-missing = Choisissez un label TLP : chaque communication en a besoin.
comm-error-tlp-unknown = Ce n’est pas un label TLP 2.0 (CLEAR, GREEN, AMBER, AMBER+STRICT ou RED).
comm-error-required = Ce champ est obligatoire.
comm-error-too-long = C’est trop long.
comm-error-control-characters = Ce texte contient des caractères qui ne peuvent pas être affichés.
comm-error-language = Indiquez la langue du texte par une étiquette de langue, p. ex. en, fr ou ar.
comm-error-zone = Choisissez un fuseau horaire, p. ex. Europe/Paris.
comm-error-time = Indiquez une date et une heure qui existent dans ce fuseau horaire.
comm-error-detected-before-started = L’incident ne peut pas avoir été détecté avant d’avoir commencé.
comm-error-sector = Choisissez les secteurs dans la liste.
comm-error-attachments-too-many = Au plus 5 fichiers peuvent être joints.
comm-error-attachments-too-large = Les fichiers dépassent ensemble 10 Mo.
comm-error-attachment-too-large = Un fichier dépasse 5 Mo.
comm-error-attachment-empty = Un fichier est vide.
comm-error-attachment-name = Un fichier porte un nom inutilisable.
comm-error-attachment-type = Un fichier n’est pas d’un type accepté (PDF, PNG, JPEG ou texte brut).
comm-error-attachment-mismatch = Le contenu d’un fichier ne correspond pas à l’extension de son nom.
comm-error-already-acknowledged = Vous avez déjà accusé réception de cette communication.
comm-error-not-a-recipient = Seul un destinataire peut accuser réception d’une communication.
comm-error-may-not-send = Seuls les PoC d’un État participant à l’annuaire peuvent envoyer des communications.
comm-error-nobody = Choisissez au moins un destinataire.
comm-error-unknown-recipient = Un destinataire n’est pas un PoC pouvant recevoir des communications.
comm-error-not-participating = Un État choisi ne participe pas à l’annuaire.
comm-error-no-poc = Un État choisi n’a encore aucun PoC de ce rôle pouvant recevoir des communications.

comm-field-subject = Objet
comm-field-started = Début
comm-field-detected = Détection
comm-field-sectors = Secteurs touchés
comm-field-impact = Impact constaté
comm-field-requested-action = Action demandée
comm-field-respond-by = Réponse demandée avant le
comm-field-attribution-why = Ce formulaire n’a pas de champ d’attribution : l’annuaire est un canal de communication entre États, pas un outil pour déterminer l’attribution.

comm-mail-text-in = Texte tel que rédigé (langue : { $language }) :
comm-mail-subject-clear = [{ $tlp }] { $urgency } : { $kind } de { $state } : { $subject }
comm-mail-subject-sealed = [{ $tlp }] { $urgency } : { $kind } de { $state } (n° { $id })
comm-mail-intro = { $state } vous a adressé une communication par pocdir : { $kind }, { $urgency }, label { $tlp }. Merci d’en accuser réception avant le { $deadline }.
comm-mail-open = Lire, accuser réception et répondre dans pocdir : { $link }
comm-mail-link-only = Son label ne permet pas d’envoyer le contenu par courriel. Lire, accuser réception et répondre dans pocdir : { $link }
comm-mail-signature = pocdir, l’annuaire des points de contact. Ce message a été envoyé automatiquement ; répondez dans pocdir, pas à ce courriel.
comm-mail-escalation-subject = [{ $tlp }] Réception non accusée : { $kind } de { $state } (n° { $id })
comm-mail-escalation-body = { $state } a adressé une communication aux PoC de votre État ({ $kind }, { $urgency }, label { $tlp }). Aucun PoC technique de votre État n’en a accusé réception avant le { $deadline }. Veuillez vous assurer qu’elle est traitée : { $link }
