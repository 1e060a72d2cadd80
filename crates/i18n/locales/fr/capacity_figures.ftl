# Les chiffres du renforcement des capacités (la page du secrétariat et les exports).

capacity-figures-title = Chiffres du renforcement des capacités
capacity-figures-lead = Où en sont les demandes, par domaine et par région de l'État demandeur ; les délais des offres et des accusés de réception ; les mises en relation, les résultats des suivis et le financement. Les jours sont indiqués en médiane / 90e centile.
capacity-figures-link = Chiffres
capacity-figures-requests = Demandes
capacity-figures-matches = Mises en relation confirmées
capacity-figures-awaiting = Offres retenues, en attente de confirmation
capacity-figures-first-offer = Jours jusqu'à la première offre
capacity-figures-acknowledgement = Jours jusqu'à l'accusé de réception
capacity-figures-without-offer = { $count ->
    [one] { $count } demande ouverte n'a encore reçu aucune offre
   *[other] { $count } demandes ouvertes n'ont encore reçu aucune offre
}
capacity-figures-in-time = { $count ->
    [one] { $count } demande dont la réception a été accusée dans un délai de 5 jours ouvrables
   *[other] { $count } demandes dont la réception a été accusée dans un délai de 5 jours ouvrables
}
capacity-figures-by-area = Demandes par domaine
capacity-figures-by-region = Demandes par région
capacity-figures-total = Toutes
capacity-figures-open = Ouvertes
capacity-figures-outcomes = Résultats des suivis
capacity-figures-no-outcomes = Il n'a encore été rendu compte d'aucun suivi.
capacity-figures-funding = Financement par monnaie
capacity-figures-no-funding = Aucun financement n'a encore été enregistré.
