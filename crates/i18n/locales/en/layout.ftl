# The page frame, the directory table's order and size, recovery codes on paper or in a file.
app-subtitle = Points of Contact Directory
nav-main = Main
directory-per-page = Rows per page
directory-sorted-by = Sort by this column
directory-error-sort = The table cannot be sorted by that column.
directory-error-per-page = Choose between 1 and 200 rows per page.
recovery-download = Download as a text file
recovery-print-hint = To keep them on paper, print this page: only the codes are printed.
recovery-file-heading = pocdir recovery codes for { $email }
recovery-file-note = Each code signs you in once if you lose your authenticator. Keep this file somewhere safe, apart from your device.
recovery-error-codes = These are not the recovery codes this page showed.
