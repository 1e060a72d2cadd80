## Messages for export (CSV, JSON, vCard) and import of nominations.

directory-export = Exportar estos resultados:
export-tlp-notice = TLP:AMBER+STRICT — compártalo solo dentro de su propia organización. Cada exportación se registra como una consulta de cada entrada que contiene.

exchange-error-format = Elija un formato de exportación: csv, json o vcard.
exchange-error-import-format = Elija un formato de importación: csv o json.
exchange-error-mode = Elija un modo de importación: dry_run, commit o accept_valid.
exchange-error-too-large = El archivo es demasiado grande: { $max_mib } MiB como máximo.
exchange-error-too-many-rows = El archivo tiene demasiadas filas: { $max_rows } como máximo.
exchange-error-not-text = El archivo no es texto UTF-8.
exchange-error-empty = El archivo no contiene filas.
exchange-error-malformed = El archivo no se puede leer en el formato elegido.
exchange-error-missing-column = Falta una columna obligatoria: { $column }.
exchange-error-unknown-column = Columna desconocida: { $column }.
exchange-error-participant = No es un código de participante (p. ej. PAK, FRA).
exchange-error-unknown-participant = Ningún participante tiene este código.
exchange-error-participant-gone = Se eliminó un participante durante la importación. No se importó nada; vuelva a revisar el archivo.
exchange-error-cell-count = Esta fila no tiene tantas celdas como la fila de encabezado.
exchange-error-not-an-object = Cada registro debe ser un objeto con campos con nombre.
exchange-error-unknown-field = Campo desconocido.
exchange-error-expected-text = Aquí se espera un texto.
exchange-error-expected-list = Aquí se espera una lista.
exchange-error-expected-phone = Aquí se espera un número de teléfono con su uso.
exchange-error-bad-rows = Algunas filas tienen problemas, por lo que no se importó nada. Corríjalas o importe solo las filas válidas.
exchange-error-nothing-valid = Ninguna fila es válida, por lo que no se importó nada.
exchange-error-no-file = Elija un archivo para importar.

import-link = Importar designaciones desde un archivo
import-title = Importar designaciones
import-intro = Revise primero un archivo CSV o JSON: se enumeran todos los problemas de cada fila y no se escribe nada. Después importe todas las filas, o solo las válidas. Las designaciones importadas esperan su verificación en la cola.
import-columns = Columnas (listas separadas por «;», teléfonos como «+E164 uso»):
import-upload = Archivo que revisar
import-file = Archivo CSV o JSON
import-format = Formato
import-format-auto = Según el nombre del archivo
import-check = Revisar el archivo
import-report = Resultado de la revisión
import-rows = { $count ->
    [one] { $count } fila leída
   *[other] { $count } filas leídas
}
import-valid-rows = { $count ->
    [one] { $count } válida
   *[other] { $count } válidas
}
import-bad-rows = { $count ->
    [one] { $count } con problemas
   *[other] { $count } con problemas
}
import-col-row = Fila
import-col-field = Campo
import-col-message = Problema
import-commit = { $count ->
    [one] Importar { $count } designación
   *[other] Importar { $count } designaciones
}
import-accept-valid = { $count ->
    [one] Importar solo la fila válida ({ $count })
   *[other] Importar solo las { $count } filas válidas
}
import-accept-valid-hint = Las filas con problemas se descartan y no se importan.
import-done = { $count ->
    [one] { $count } designación importada; espera su verificación.
   *[other] { $count } designaciones importadas; esperan su verificación.
}
