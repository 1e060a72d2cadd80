## Messages for export (CSV, JSON, vCard) and import of nominations.

directory-export = Export these results:
export-tlp-notice = TLP:AMBER+STRICT — share only within your own organisation. Every export is recorded as a read of each entry it contains.

exchange-error-format = Choose an export format: csv, json or vcard.
exchange-error-import-format = Choose an import format: csv or json.
exchange-error-mode = Choose an import mode: dry_run, commit or accept_valid.
exchange-error-too-large = The file is too large: at most { $max_mib } MiB.
exchange-error-too-many-rows = The file has too many rows: at most { $max_rows }.
exchange-error-not-text = The file is not UTF-8 text.
exchange-error-empty = The file holds no rows.
exchange-error-malformed = The file cannot be read in the chosen format.
exchange-error-missing-column = A required column is missing: { $column }.
exchange-error-unknown-column = Unknown column: { $column }.
exchange-error-participant = Not a participant code (e.g. PAK, FRA).
exchange-error-unknown-participant = No participant has this code.
exchange-error-participant-gone = A participant was removed during the import. Nothing was imported; check the file again.
exchange-error-cell-count = This row does not have as many cells as the header row.
exchange-error-not-an-object = Each record must be an object with named fields.
exchange-error-unknown-field = Unknown field.
exchange-error-expected-text = Text expected here.
exchange-error-expected-list = A list expected here.
exchange-error-expected-phone = A phone number with its use expected here.
exchange-error-bad-rows = Some rows have problems, so nothing was imported. Correct them, or import the valid rows only.
exchange-error-nothing-valid = No row is valid, so nothing was imported.
exchange-error-no-file = Choose a file to import.

import-link = Import nominations from a file
import-title = Import nominations
import-intro = Check a CSV or JSON file first: every problem in every row is listed, and nothing is written. Then import all rows, or only the valid ones. Imported nominations await verification in the queue.
import-columns = Columns (lists separated by “;”, phones as “+E164 use”):
import-upload = File to check
import-file = CSV or JSON file
import-format = Format
import-format-auto = From the file name
import-check = Check the file
import-report = Result of the check
import-rows = { $count ->
    [one] { $count } row read
   *[other] { $count } rows read
}
import-valid-rows = { $count ->
    [one] { $count } valid
   *[other] { $count } valid
}
import-bad-rows = { $count ->
    [one] { $count } with problems
   *[other] { $count } with problems
}
import-col-row = Row
import-col-field = Field
import-col-message = Problem
import-commit = { $count ->
    [one] Import { $count } nomination
   *[other] Import { $count } nominations
}
import-accept-valid = { $count ->
    [one] Import the { $count } valid row only
   *[other] Import the { $count } valid rows only
}
import-accept-valid-hint = The rows with problems are left out and not imported.
import-done = { $count ->
    [one] { $count } nomination imported; it awaits verification.
   *[other] { $count } nominations imported; they await verification.
}
