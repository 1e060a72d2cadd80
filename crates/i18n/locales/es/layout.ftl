# The page frame, the directory table's order and size, recovery codes on paper or in a file.
app-subtitle = Directorio de Puntos de Contacto
nav-main = Menú principal
directory-per-page = Filas por página
directory-sorted-by = Ordenar por esta columna
directory-error-sort = La tabla no se puede ordenar por esa columna.
directory-error-per-page = Elija entre 1 y 200 filas por página.
recovery-download = Descargar como archivo de texto
recovery-print-hint = Para conservarlos en papel, imprima esta página: solo se imprimen los códigos.
recovery-file-heading = Códigos de recuperación de pocdir de { $email }
recovery-file-note = Cada código le permite iniciar sesión una vez si pierde su aplicación de autenticación. Guarde este archivo en un lugar seguro, separado de su dispositivo.
recovery-error-codes = Estos no son los códigos de recuperación que mostró esta página.
