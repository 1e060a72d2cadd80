# Las cifras de la creación de capacidad (la página de la secretaría y las exportaciones).

capacity-figures-title = Cifras de la creación de capacidad
capacity-figures-lead = Situación de las solicitudes, por ámbito y por región del Estado solicitante; tiempo que tardaron las ofertas y los acuses de recibo; vinculaciones, resultados de los seguimientos y financiación. Los días se expresan como mediana / percentil 90.
capacity-figures-link = Cifras
capacity-figures-requests = Solicitudes
capacity-figures-matches = Vinculaciones confirmadas
capacity-figures-awaiting = Ofertas seleccionadas, pendientes de confirmación
capacity-figures-first-offer = Días hasta la primera oferta
capacity-figures-acknowledgement = Días hasta el acuse de recibo
capacity-figures-without-offer = { $count ->
    [one] una solicitud abierta todavía no tiene ninguna oferta
   *[other] { $count } solicitudes abiertas todavía no tienen ninguna oferta
}
capacity-figures-in-time = { $count ->
    [one] una solicitud con acuse de recibo en un plazo de 5 días hábiles
   *[other] { $count } solicitudes con acuse de recibo en un plazo de 5 días hábiles
}
capacity-figures-by-area = Solicitudes por ámbito
capacity-figures-by-region = Solicitudes por región
capacity-figures-total = Todas
capacity-figures-open = Abiertas
capacity-figures-outcomes = Resultados de los seguimientos
capacity-figures-no-outcomes = Todavía no se ha informado de ningún seguimiento.
capacity-figures-funding = Financiación por moneda
capacity-figures-no-funding = Todavía no se ha registrado ninguna financiación.
