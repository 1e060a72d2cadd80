# Tests de joignabilité : résultats d'une campagne, graphiques et exports, vérification par un autre canal, et tendance.
ping-results-title = Résultats du test de joignabilité
ping-results-back = Retour à la campagne
ping-results-back-list = Retour aux tests de joignabilité
ping-results-status = État
ping-results-starts = Début
ping-results-answer-by = Réponses dans les délais jusqu'au
ping-results-closes = Clôture
ping-results-download = Télécharger ces résultats :
ping-results-download-csv = CSV (tableur)
ping-results-download-json = JSON
ping-results-trend-link = Évolution d'une campagne à l'autre
ping-results-pick-state = État
ping-results-all-states = Tous les États
ping-results-show = Afficher
ping-results-overall = Tous les États ensemble
ping-results-overall-note = { $count ->
    [one] Un point de contact a été sollicité dans cette campagne. Ces chiffres comptent tous les États ensemble.
   *[other] { $count } points de contact ont été sollicités dans cette campagne. Ces chiffres comptent tous les États ensemble.
}
ping-results-reach = États joints
ping-results-times = Délais de réponse
ping-results-answers = { $count ->
    [one] Une réponse.
   *[other] { $count } réponses.
}
ping-results-median = Délai de réponse médian
ping-results-p90 = 90 % ont répondu en moins de
ping-results-none = aucun
ping-results-by-state = Par État
ping-results-your-state = Votre État
ping-results-pocs-of = Points de contact de
ping-results-no-lines = Il n'y a rien à afficher ici.
ping-results-col-category = Catégorie
ping-results-col-count = Nombre
ping-results-col-share = Part
ping-results-col-states = États
ping-results-col-state = État
ping-results-col-pocs = Points de contact
ping-results-col-reach = Joignabilité
ping-results-col-name = Nom
ping-results-col-role = Rôle
ping-results-col-outcome = Résultat
ping-results-col-channel = Réponse par
ping-results-col-response = Délai de réponse
ping-results-col-reminders = Rappels envoyés
ping-results-col-finding = Vérification par un autre canal
ping-results-col-check = Consigner une vérification
ping-results-col-campaign = Campagne
ping-results-col-reached = Joints
ping-results-record-check = Consigner une vérification par un autre canal
ping-results-finding-legend = Qu'a montré la vérification par un autre canal (par exemple un appel téléphonique) ?
ping-results-finding-note = Note (comment, quand, avec qui)
ping-results-finding-submit = Consigner la vérification
ping-results-error-finding = Indiquez si le point de contact a été joint ou non.
done-ping-finding-recorded = La vérification par un autre canal est consignée.
ping-results-chart-outcomes = Résultats des sollicitations, tous les États
ping-results-chart-state-outcomes = Résultats des sollicitations, { $state }
ping-results-chart-outcomes-desc = { $total ->
    [one] Sur un point de contact
   *[other] Sur { $total } points de contact
} : { $in_time } ont répondu dans les délais, { $late } en retard, { $no_answer } n'ont pas répondu, { $undeliverable } n'ont pas pu recevoir le courriel, { $awaiting } n'ont pas encore répondu.
ping-results-chart-distribution = Délais de réponse
ping-results-chart-distribution-desc = Sur { $answers } réponses : { $bands }. Délai médian { $median } ; 90 % ont répondu en moins de { $p90 }.
ping-results-chart-distribution-none = Aucune réponse pour l'instant, donc aucun délai.
ping-results-chart-band-count = { $band } : { $count }
ping-results-list-separator = {", "}
ping-results-percent = { $whole },{ $tenth } %
ping-results-duration-dh = { $d } j { $h } h
ping-results-duration-hm = { $h } h { $m } min
ping-results-duration-m = { $m } min
ping-results-trend-title = Tests de joignabilité : l'évolution d'une campagne à l'autre
ping-results-trend-lead = La part des points de contact qui ont répondu dans les délais, et de ceux qui ont été joints, à chaque campagne, pour tous les États ensemble.
ping-results-trend-lead-state = La part des points de contact qui ont répondu dans les délais, et de ceux qui ont été joints, à chaque campagne, pour tous les États ensemble et pour
ping-results-trend-all-states = Tous les États
ping-results-chart-trend-in-time = Part des points de contact ayant répondu dans les délais, par campagne
ping-results-chart-trend-reached = Part des points de contact joints (dans les délais ou en retard), par campagne
ping-results-chart-trend-none = Aucun test de joignabilité n'a encore commencé.
ping-results-chart-trend-absent = pas dans cette campagne
ping-results-chart-trend-point = { $campaign } { $value }
ping-results-chart-trend-series = { $series } : { $points }.
