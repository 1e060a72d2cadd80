# Aprendizaje electrónico: módulos, lecciones, cuestionarios y certificados de finalización.


learning-list-title = Aprendizaje electrónico
learning-list-lead = Módulos breves sobre la labor del directorio, en su idioma. Lea las lecciones y, a continuación, apruebe el cuestionario para recibir un certificado que cualquier persona puede verificar.
learning-none = Todavía no se ha publicado ningún módulo.
learning-lessons-read = Lecciones leídas:
learning-best-score = Mejor puntuación:
learning-certificate-link = Su certificado
learning-version = Versión
learning-lessons = Lecciones
learning-lesson = Lección
learning-read = Leída
learning-read-next = Marcar como leída y pasar a la lección siguiente
learning-read-last = Marcar como leída y volver al módulo
learning-quiz = Cuestionario
learning-quiz-about = { $questions ->
    [one] Una pregunta.
   *[other] { $questions } preguntas.
}
learning-quiz-minutes = { $minutes ->
    [one] Dispone de un minuto a partir del momento en que comience.
   *[other] Dispone de { $minutes } minutos a partir del momento en que comience.
}
learning-quiz-mastery = Se aprueba con un { $percent } % de respuestas correctas.
learning-quiz-start = Comenzar el cuestionario
learning-quiz-continue = Continuar el cuestionario
learning-quiz-again = Volver a realizar el cuestionario
learning-quiz-submit = Enviar mis respuestas
learning-deadline = Plazo de respuesta:
learning-passed = Ha aprobado. Su certificado está listo.
learning-not-passed = Esta vez no ha alcanzado la puntuación mínima de aprobación. Vuelva a leer las lecciones y repita el cuestionario.
learning-score = Puntuación:
learning-mastery = Puntuación mínima de aprobación:
done-learning-graded = Sus respuestas se han calificado.
done-learning-uploaded = El módulo se ha publicado como una nueva versión.

learning-manage-title = Gestionar los módulos
learning-manage-lead = Cargue juntos los archivos de un módulo: module.toml, un archivo Markdown por lección e idioma, y un archivo de cuestionario por idioma. Cada carga se convierte en una nueva versión; las versiones anteriores y los certificados que se otorgaron con ellas permanecen como estaban.
learning-upload-files = Archivos del módulo
learning-upload-hint = Por ejemplo: module.toml, 01-roles.en.md, 01-roles.fr.md, quiz.en.toml, quiz.fr.toml. Se rechazan el HTML sin procesar, las imágenes y los scripts.
learning-upload = Cargar
learning-upload-refused = No se publicó el módulo. Corrija estos problemas y vuelva a cargarlo:
learning-upload-concurrent = Se publicó otra versión de este módulo en el mismo momento. Vuelva a cargar sus archivos para publicar su versión después de aquella.
learning-modules = Módulos
learning-module = Módulo
learning-languages = Idiomas
learning-versions = Versiones

learning-problem-no-files = No se eligió ningún archivo.
learning-problem-too-large = Demasiado grande: como máximo 256 KiB por archivo, 2 MiB en total y 200 archivos.
learning-problem-not-text = No es texto UTF-8.
learning-problem-unknown-file = Este archivo no forma parte de un módulo: su nombre debe ser module.toml, <lesson>.<language>.md o quiz.<language>.toml.
learning-problem-duplicate-file = Este archivo se eligió dos veces.
learning-problem-no-manifest = Falta el archivo module.toml.
learning-problem-unreadable = No se puede leer este archivo TOML.
learning-problem-format = El formato debe ser "pocdir-learning-module/1".
learning-problem-slug = El nombre del módulo (slug) debe tener entre 3 y 60 letras minúsculas, cifras o guiones.
learning-problem-mastery = La puntuación mínima de aprobación debe estar entre el 50 % y el 100 %.
learning-problem-minutes = La duración del cuestionario debe estar entre 5 y 240 minutos.
learning-problem-lessons = Las lecciones deben ser entre 1 y 20 nombres distintos formados por letras minúsculas, cifras o guiones.
learning-problem-answers = Cada respuesta debe ser el número de una opción (del 1 al 6), para entre 1 y 50 preguntas.
learning-problem-missing-file = Falta este archivo: cada idioma necesita todas las lecciones y un cuestionario.
learning-problem-questions = El cuestionario necesita un título y tantas preguntas como respuestas, cada una con entre 2 y 6 opciones, y el mismo número de opciones en todos los idiomas.
learning-problem-no-reference = Falta el texto en inglés: todos los módulos tienen uno.
learning-problem-html = No se permite HTML sin procesar en una lección.
learning-problem-image = No se permiten imágenes en una lección.
learning-problem-link = Los enlaces solo pueden dirigir a direcciones https, http o mailto.
learning-problem-heading = Una lección comienza con su título, en una línea "# Título".
learning-quiz-past-deadline = Se ha agotado el tiempo de este intento. Vuelva a comenzar el cuestionario.
learning-quiz-incomplete = Elija una respuesta para cada pregunta.
learning-quiz-already-graded = Estas respuestas ya se calificaron.

certificate-title = Certificado de finalización
certificate-valid = Este certificado es auténtico: su firma coincide con la clave de esta instalación.
certificate-forged = Este certificado no es auténtico: su contenido no coincide con su firma.
certificate-unreadable = Esto no es un certificado de pocdir (pegue el texto completo del certificado).
certificate-unknown-key = Este certificado no fue firmado por esta instalación.
certificate-certifies = Por el presente se certifica que
certificate-passed = ha aprobado el módulo de aprendizaje electrónico
certificate-date = Fecha
certificate-issuer = Expedido por
certificate-id = Número de certificado
certificate-key = Clave de firma
certificate-json = El certificado en forma de texto
certificate-json-hint = Conserve este texto: cualquier persona puede verificarlo en la página de verificación de esta instalación o con el comando que figura a continuación.
certificate-verify-title = Verificar un certificado
certificate-verify-lead = Pegue el texto de un certificado para comprobar que lo expidió esta instalación y que no se ha modificado nada en él.
certificate-verify-paste = Texto del certificado
certificate-verify = Verificar
certificate-verify-cli = Sin navegador:

values-log-learning-upload = { $actor } publicó una versión de { $object }.
values-log-learning-grade = { $actor } realizó el cuestionario de { $object }.

learning-object = módulo de aprendizaje electrónico { $id }
home-learning-link = Aprendizaje electrónico: módulos breves y certificados
public-certificate-teaser = ¿Ha recibido un certificado de aprendizaje electrónico de pocdir? Cualquier persona puede comprobar que es auténtico.
learning-help = Aprendizaje electrónico y certificados
learning-help-text = Cada módulo consta de lecciones breves y un cuestionario, en los seis idiomas. Marque las lecciones como leídas y, a continuación, abra el cuestionario: debe responderse una sola vez, dentro del tiempo asignado. Alcanzar la puntuación mínima de aprobación del módulo da derecho a un certificado firmado con la clave de la instalación; cualquier persona puede verificarlo en la página pública de verificación, y su organización puede importar los módulos que usted ha completado como declaraciones xAPI.
