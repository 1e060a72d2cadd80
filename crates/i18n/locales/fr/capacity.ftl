# Renforcement des capacités : demandes, offres, sélection, accusé de réception
# et confirmation par le secrétariat, suivis.

home-capacity-link = Renforcement des capacités : demandes et offres
capacity-object = la demande de renforcement des capacités nº { $id }

capacity-list-title = Renforcement des capacités
capacity-list-lead = Les États demandent une aide pour renforcer leurs capacités ; des États et des organisations la proposent ; l'État demandeur choisit, le secrétariat confirme la mise en relation, et chaque mise en relation fait l'objet d'un suivi après 6 et 12 mois.
capacity-new-title = Déposer une demande de renforcement des capacités
capacity-new-intro = Indiquez les besoins de votre État. Les prestataires voient la demande selon le choix que vous faites ci-dessous ; vous comparez leurs offres et en retenez une.
capacity-count = { $count ->
    [one] { $count } demande
   *[other] { $count } demandes
}
capacity-overdue-count = { $count ->
    [one] { $count } demande attend un accusé de réception au-delà du délai de 5 jours ouvrables.
   *[other] { $count } demandes attendent un accusé de réception au-delà du délai de 5 jours ouvrables.
}
capacity-filter-show = Afficher
capacity-show-open = Demandes ouvertes aux offres
capacity-show-mine = Demandes de mon État
capacity-show-all = Toutes les demandes que je peux consulter
capacity-filter-any = Indifférent
capacity-filter-needed-before = Date de besoin (au plus tard)
capacity-filter-apply = Filtrer
capacity-col-request = Demande
capacity-col-requester = État demandeur
capacity-col-status = Statut
capacity-col-filed = Déposée le
capacity-col-first-offer = Première offre
capacity-col-provider = Prestataire
capacity-col-funded = Financée par le prestataire
capacity-col-steps = Actions
capacity-request-number = Demande nº 
capacity-own = votre État
capacity-anonymous-requester = Un État participant (anonyme jusqu'à ce qu'il retienne une offre)
capacity-yes = Oui
capacity-no = Non
capacity-due = échéance
capacity-clocks = Délais de traitement
capacity-offers = Offres
capacity-no-offers = Aucune offre pour l'instant.
capacity-offer-title = Proposer une aide
capacity-offer-description = Ce que vous proposez : qui, quoi et quand
capacity-offer-funded = Nous finançons cette aide nous-mêmes
capacity-make-offer = Soumettre l'offre
capacity-withdraw-offer = Retirer l'offre
capacity-follow-ups = Suivis
capacity-follow-up-not-yet = Pas encore dû : le formulaire s'ouvre à la date d'échéance.
capacity-report-follow-up = Rendre compte du résultat
capacity-file = Déposer la demande

capacity-field-areas = Domaines
capacity-field-description = Description
capacity-description-hint = Ce dont vous avez besoin, pour qui, et ce dont vous disposez déjà.
capacity-field-languages = Langues
capacity-field-format = Modalité
capacity-field-needed-by = Date de besoin
capacity-field-funding-needed = Financement nécessaire
capacity-field-visibility = Qui voit la demande
capacity-visibility-hint = Prestataires désignés : choisissez-les dans la liste ci-dessous.
capacity-field-providers = Prestataires désignés
capacity-field-outcome = Résultat
capacity-field-what-changed = Ce qui a changé

capacity-area-strategy_policy = Stratégie et politiques
capacity-area-incident_response = Réponse aux incidents et développement des CSIRT
capacity-area-critical_infrastructure = Protection des infrastructures critiques
capacity-area-cybercrime = Cybercriminalité et preuves électroniques
capacity-area-international_law = Droit international et normes
capacity-area-technical_training = Formation technique
capacity-area-awareness = Sensibilisation
capacity-area-standards = Normes techniques

capacity-format-training = Formation
capacity-format-advisory_mission = Mission de conseil
capacity-format-equipment = Équipement
capacity-format-peer_review = Examen par les pairs

capacity-visibility-all_providers = Tous les prestataires
capacity-visibility-named_providers = Prestataires désignés uniquement
capacity-visibility-anonymous = Tous les prestataires, sans le nom de notre État jusqu'à ce que nous retenions une offre

capacity-status-filed = Déposée
capacity-status-acknowledged = Réception accusée
capacity-status-selected = Offre retenue
capacity-status-matched = Mise en relation confirmée
capacity-status-closed = Close
capacity-status-withdrawn = Retirée

capacity-offer-status-open = Ouverte
capacity-offer-status-selected = Retenue
capacity-offer-status-not_selected = Non retenue
capacity-offer-status-withdrawn = Retirée

capacity-outcome-delivered = Aide fournie
capacity-outcome-partly = Aide partiellement fournie
capacity-outcome-not_delivered = Aide non fournie

capacity-milestone-six_months = Suivi à 6 mois
capacity-milestone-twelve_months = Suivi à 12 mois

capacity-step-acknowledge = Accuser réception de la demande
capacity-step-select = Retenir cette offre
capacity-step-confirm = Confirmer la mise en relation
capacity-step-withdraw = Retirer la demande

capacity-clock-acknowledgement = Accusé de réception du secrétariat
capacity-clock-running = En cours
capacity-clock-overdue = En retard
capacity-clock-met = Respecté
capacity-clock-late = Respecté avec retard

capacity-error-required = Ce champ est obligatoire.
capacity-error-too-long = Ce texte est trop long (4000 caractères au plus).
capacity-error-control-characters = Ce texte contient des caractères de contrôle.
capacity-error-area = Choisissez au moins un domaine dans la liste.
capacity-error-language = Choisissez au moins l'une des six langues de l'ONU.
capacity-error-format = Choisissez une modalité dans la liste.
capacity-error-date = Indiquez la date au format YYYY-MM-DD.
capacity-error-date-past = La date doit être dans le futur.
capacity-error-date-far = La date doit être dans les cinq ans.
capacity-error-visibility = Choisissez qui voit la demande.
capacity-error-providers = Désignez au moins un prestataire participant autre que votre propre État.

capacity-refused-not-participating = Seuls les comptes d'un État participant peuvent effectuer cette action.
capacity-refused-closed = La demande ne le permet plus : elle est close, retirée ou déjà passée à une étape ultérieure.
capacity-refused-acknowledged = Il a déjà été accusé réception de la demande.
capacity-refused-selected = Une offre a déjà été retenue pour cette demande.
capacity-refused-not-selected = Aucune offre n'a encore été retenue et confirmée.
capacity-refused-offer = Cette offre n'est pas ouverte sur cette demande.
capacity-refused-own = Votre État ne peut pas faire d'offre sur sa propre demande.
capacity-refused-offered = Votre État a déjà une offre ouverte sur cette demande.
capacity-refused-not-due = Ce suivi n'est pas encore dû.
capacity-refused-reported = Il a déjà été rendu compte de ce suivi.

done-capacity-filed = La demande est déposée. Le secrétariat en accuse réception dans un délai de 5 jours ouvrables.
done-capacity-offered = Votre offre est soumise. L'État demandeur comparera les offres.
done-capacity-offer-withdrawn = Votre offre est retirée.
done-capacity-selected = L'offre est retenue. Le secrétariat confirmera la mise en relation.
done-capacity-withdrawn = La demande est retirée.
done-capacity-acknowledged = Réception de la demande accusée.
done-capacity-confirmed = La mise en relation est confirmée. Les suivis sont dus 6 et 12 mois après la sélection.
done-capacity-followed-up = Le compte rendu de suivi est enregistré.

values-log-capacity-request = { $actor } a déposé { $object }.
values-log-capacity-acknowledge = { $actor } a accusé réception de { $object }.
values-log-capacity-offer = { $actor } a proposé une aide en réponse à { $object }.
values-log-capacity-withdraw-offer = { $actor } a retiré une offre faite en réponse à { $object }.
values-log-capacity-select = { $actor } a retenu une offre faite en réponse à { $object }.
values-log-capacity-confirm = { $actor } a confirmé la mise en relation relative à { $object }.
values-log-capacity-withdraw = { $actor } a retiré { $object }.
values-log-capacity-follow-up = { $actor } a rendu compte d'un suivi de { $object }.

# Financement : annonces de contributions, engagements et décaissements des donateurs.
capacity-funding-title = Financement
capacity-funding-lead = Les donateurs annoncent, engagent et décaissent des fonds en faveur de demandes ou d'un domaine du renforcement des capacités. Chaque montant reste dans sa monnaie ; les totaux sont établis par monnaie.
capacity-no-funding = Aucun financement enregistré.
capacity-col-donor = Donateur
capacity-col-funds = Objet du financement
capacity-col-stage = Étape
capacity-col-amount = Montant
capacity-col-when = Date
capacity-col-currency = Monnaie
capacity-funding-totals = Totaux par monnaie
capacity-funding-pledge = Annoncé
capacity-funding-commitment = Engagé
capacity-funding-disbursement = Décaissé
capacity-currency-hint = Code ISO 4217, par exemple EUR, USD, JPY.
capacity-amount-hint = Un nombre positif comportant au plus autant de décimales que la monnaie, par exemple 25000.50.
capacity-fund-area = Annoncer une contribution en faveur d'un domaine
capacity-fund = Enregistrer le financement
capacity-error-stage = Choisissez annoncé, engagé ou décaissé.
capacity-error-currency = Indiquez un code de monnaie ISO 4217, tel que EUR ou USD.
capacity-error-amount = Indiquez un montant positif ne comportant pas plus de décimales que la monnaie.
capacity-refused-own-funding = Votre État ne peut pas financer sa propre demande.
done-capacity-funded = Le financement est enregistré.
values-log-capacity-fund = { $actor } a enregistré un financement pour { $object }.
values-log-capacity-assess = { $actor } a effectué l’autoévaluation de l’état de préparation de son État.
capacity-help-requests = Demandes d'aide et offres
capacity-help-requests-text = L'autorité de nomination ou un point de contact diplomatique d'un État participant dépose une demande : les domaines, ce qui est nécessaire, les langues souhaitées, la modalité, la date de besoin, si un financement est nécessaire, et qui peut la voir (tous les prestataires, des prestataires désignés, ou tous les prestataires sans le nom de l'État). Le secrétariat en accuse réception dans un délai de 5 jours ouvrables. Les prestataires font des offres ; l'État demandeur compare les offres et en retient une, et le secrétariat confirme la mise en relation. Six et douze mois après la sélection, l'État demandeur rend compte du résultat. Chaque délai s'affiche sur la demande : en cours, en retard, respecté ou respecté avec retard.
capacity-help-funding = Financement
capacity-help-funding-text = L'autorité de nomination ou un point de contact diplomatique d'un État annonce, engage et décaisse des fonds en faveur d'une demande que cet État peut consulter ou d'un domaine entier, dans la monnaie de son choix ; les totaux sont établis par monnaie et ne sont jamais convertis. L'État demandeur voit qui finance sa demande.
capacity-help-readiness = État de préparation et plan d'action
capacity-help-readiness-text = Un État répond à six questions (un CSIRT national, la joignabilité à toute heure, des canaux sécurisés et des clés OpenPGP, des points de contact diplomatique et technique, la réponse aux tests de joignabilité, la formation du personnel) et obtient un plan d'action. Chaque lacune devient, en une seule étape, une demande préremplie. Le secrétariat voit les totaux par région, et les réponses d'un État uniquement si cet État les partage.
