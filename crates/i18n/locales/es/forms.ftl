# Formularios que ayudan: campos obligatorios, errores en palabras
# sencillas, pasos de confirmación con un motivo, revisión de un cambio,
# confirmaciones, plantilla de importación.

forms-required = (obligatorio)
forms-required-intro = Los campos marcados «obligatorio» deben completarse.
forms-error-summary = { $count ->
    [one] Un campo requiere su atención:
   *[other] { $count } campos requieren su atención:
}
forms-cancel = Cancelar
forms-error-role = Indique si se trata del punto de contacto diplomático o técnico.
forms-error-phone = Escriba el número en formato internacional: el signo más, el prefijo del país y luego el número, p. ej. +34 912 345 678.
forms-error-phone-use = Indique para qué es el número: oficina, móvil o las 24 horas.
forms-error-language = No se reconoció este idioma. Escriba su código corto, p. ej. «es» para el español o «ar» para el árabe.
forms-error-time-zone = No se reconoció esta zona horaria. Escriba una región y una ciudad, p. ej. «Europe/Madrid» o «Asia/Karachi».
forms-error-withdraw-reason = Indique por qué se retira este punto de contacto; la secretaría lo verá.
forms-error-reason-too-long = El motivo es demasiado largo: 1000 caracteres como máximo.

forms-pending-create = nueva designación
forms-new-entry-heading = Nueva ficha (primera designación)
forms-diff-heading = Cambio propuesto, campo por campo
forms-diff-intro = Cada campo de la ficha actual junto a la propuesta, indicado con palabras: sin cambios, añadido, eliminado o modificado.
forms-diff-field = Campo
forms-diff-change = Cambio
forms-diff-current = Ficha actual
forms-diff-proposed = Propuesta
forms-diff-empty = (vacío)
diff-unchanged = sin cambios
diff-added = añadido
diff-removed = eliminado
diff-changed = modificado
forms-withdrawal-reason-shown = Motivo indicado para la retirada:

forms-approve-create = Aprobar la designación
forms-approve-update = Aprobar el cambio
forms-approve-withdraw = Aprobar la retirada
forms-reject-create = Rechazar la designación
forms-reject-update = Rechazar el cambio
forms-reject-withdraw = Rechazar la retirada
forms-reject-needs-reason = Para rechazar se pide un motivo, que verá la autoridad designante.
forms-reject-intro-create = La designación se rechazará y no aparecerá en el directorio. La autoridad designante verá su motivo.
forms-reject-intro-update = El cambio se rechazará; la ficha actual queda como está. La autoridad designante verá su motivo.
forms-reject-intro-withdraw = La retirada se rechazará; el punto de contacto sigue en el directorio. La autoridad designante verá su motivo.
forms-reject-reason = Motivo del rechazo
forms-reject-reason-hint = En una o dos frases: qué está mal y qué la haría aceptable.
forms-withdraw-heading = Retirar
forms-withdraw-intro-nomination = Esta designación aún no se ha verificado: se retira de inmediato y la secretaría ya no la examinará.
forms-withdraw-intro-active = El punto de contacto sigue en el directorio hasta que la secretaría apruebe la retirada.
forms-withdraw-reason = Motivo de la retirada
forms-withdraw-reason-hint = Por ejemplo: dejó el puesto, sustituido por otra persona. Se conserva en el registro con la retirada.
forms-withdraw-button-nomination = Retirar la designación
forms-withdraw-button-active = Solicitar la retirada

done-nominated = Se envió la designación. La secretaría la verifica antes de que aparezca en el directorio.
done-nomination-amended = Se actualizó la designación. Sigue pendiente de verificación.
done-change-proposed = Se envió el cambio para su verificación. Hasta entonces, el directorio muestra la ficha actual.
done-confirmed = Confirmado: los datos siguen siendo válidos. La próxima fecha de revalidación se ha aplazado.
done-withdrawal-requested = Se envió la retirada para su verificación. Hasta entonces, el punto de contacto sigue en el directorio.
done-nomination-withdrawn = Se retiró la designación.
done-approved-create = Designación aprobada: el punto de contacto ya figura en el directorio.
done-approved-update = Cambio aprobado: el directorio muestra ahora los nuevos datos.
done-approved-withdraw = Retirada aprobada: el punto de contacto ya no figura en el directorio.
done-decided = Se registró la decisión.
done-rejected = Rechazado. La autoridad designante verá su motivo.
done-imported = Se importaron las designaciones. Esperan su verificación más abajo.

forms-import-template-link = Descargar la plantilla de importación (CSV)
forms-import-template-hint = UTF-8, los nombres de las columnas en la primera línea y una fila de ejemplo que debe sustituir por las suyas. Dentro de una celda, los elementos de una lista se separan con «;».
forms-import-columns-heading = Qué contiene cada columna
forms-import-col-column = Columna
forms-import-col-what = Qué escribir
forms-import-col-example = Ejemplo
forms-import-col-participant = El código de tres letras del Estado, p. ej. PAK para el Pakistán o ESP para España.
forms-import-col-role = «diplomatic» o «technical».
forms-import-col-name = El nombre completo de la persona.
forms-import-col-title = Opcional. Su cargo.
forms-import-col-organisation = El ministerio, el organismo o el CERT donde trabaja.
forms-import-col-emails = Una o varias direcciones de correo electrónico, separadas por «;».
forms-import-col-phones = Opcional. Cada número en formato internacional (el signo más y el prefijo del país) seguido de su uso: office, mobile o 24x7; números separados por «;».
forms-import-col-secure-channels = Opcional. Otras vías seguras para contactarla, separadas por «;».
forms-import-col-languages = Idiomas de trabajo en códigos cortos, separados por «;», p. ej. es;en.
forms-import-col-time-zone = Su zona horaria como región y ciudad, p. ej. Asia/Karachi.
forms-import-col-hours = Horario de trabajo en esa zona, p. ej. Mon-Fri 09:00-17:00, o 24/7.
forms-import-col-notes = Opcional. Cualquier otra cosa que ayude a contactarla.
forms-import-col-openpgp-key = Opcional. Su clave pública OpenPGP completa, en una sola celda.
