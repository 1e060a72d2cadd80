## Messages for export (CSV, JSON, vCard) and import of nominations.

directory-export = Exporter ces résultats :
export-tlp-notice = TLP:AMBER+STRICT — à ne partager qu’au sein de votre propre organisation. Chaque export est enregistré comme une consultation de chacune des entrées qu’il contient.

exchange-error-format = Choisissez un format d’export : csv, json ou vcard.
exchange-error-import-format = Choisissez un format d’import : csv ou json.
exchange-error-mode = Choisissez un mode d’import : dry_run, commit ou accept_valid.
exchange-error-too-large = Le fichier est trop volumineux : { $max_mib } Mio au maximum.
exchange-error-too-many-rows = Le fichier compte trop de lignes : { $max_rows } au maximum.
exchange-error-not-text = Le fichier n’est pas un texte UTF-8.
exchange-error-empty = Le fichier ne contient aucune ligne.
exchange-error-malformed = Le fichier ne peut pas être lu dans le format choisi.
exchange-error-missing-column = Une colonne obligatoire manque : { $column }.
exchange-error-unknown-column = Colonne inconnue : { $column }.
exchange-error-participant = Ce n’est pas un code de participant (par ex. PAK, FRA).
exchange-error-unknown-participant = Aucun participant ne porte ce code.
exchange-error-participant-gone = Un participant a été supprimé pendant l’import. Rien n’a été importé ; vérifiez à nouveau le fichier.
exchange-error-cell-count = Cette ligne n’a pas autant de cellules que la ligne d’en-tête.
exchange-error-not-an-object = Chaque enregistrement doit être un objet à champs nommés.
exchange-error-unknown-field = Champ inconnu.
exchange-error-expected-text = Un texte est attendu ici.
exchange-error-expected-list = Une liste est attendue ici.
exchange-error-expected-phone = Un numéro de téléphone et son usage sont attendus ici.
exchange-error-bad-rows = Certaines lignes comportent des problèmes : rien n’a été importé. Corrigez-les, ou n’importez que les lignes valides.
exchange-error-nothing-valid = Aucune ligne n’est valide : rien n’a été importé.
exchange-error-no-file = Choisissez un fichier à importer.

import-link = Importer des désignations depuis un fichier
import-title = Importer des désignations
import-intro = Vérifiez d’abord un fichier CSV ou JSON : chaque problème de chaque ligne est listé, et rien n’est écrit. Importez ensuite toutes les lignes, ou seulement les lignes valides. Les désignations importées attendent leur vérification dans la file.
import-columns = Colonnes (listes séparées par « ; », téléphones sous la forme « +E164 usage ») :
import-upload = Fichier à vérifier
import-file = Fichier CSV ou JSON
import-format = Format
import-format-auto = D’après le nom du fichier
import-check = Vérifier le fichier
import-report = Résultat de la vérification
import-rows = { $count ->
    [one] { $count } ligne lue
   *[other] { $count } lignes lues
}
import-valid-rows = { $count ->
    [one] { $count } valide
   *[other] { $count } valides
}
import-bad-rows = { $count ->
    [one] { $count } avec des problèmes
   *[other] { $count } avec des problèmes
}
import-col-row = Ligne
import-col-field = Champ
import-col-message = Problème
import-commit = { $count ->
    [one] Importer { $count } désignation
   *[other] Importer { $count } désignations
}
import-accept-valid = { $count ->
    [one] N’importer que la ligne valide ({ $count })
   *[other] N’importer que les { $count } lignes valides
}
import-accept-valid-hint = Les lignes comportant des problèmes sont écartées et ne sont pas importées.
import-done = { $count ->
    [one] { $count } désignation importée ; elle attend sa vérification.
   *[other] { $count } désignations importées ; elles attendent leur vérification.
}
