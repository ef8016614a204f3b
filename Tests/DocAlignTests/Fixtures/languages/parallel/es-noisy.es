La Unión Europea dijo que los Estados debían asegurarse de que sus sistemas nacionales de protección de la infancia estuvieran preparados para hacer frente a la violencia en línea contra los niños, y que para ello debían colaborar estrechamente con los agentes privados del sector de Internet.
Kuwait, en nombre del Grupo Árabe, dijo que la Convención Árabe sobre la Lucha contra los Delitos Informáticos había optado por medidas aún más estrictas para combatir la pedofilia, incluida la posesión de material contrario a la moral.
Tailandia informó de que había modificado recientemente su Código Penal para castigar con hasta cinco años de prisión la posesión de pornografía infantil, con hasta siete años su distribución y con hasta diez años su producción y comercio.
Sudáfrica, en nombre del Grupo de los Estados de África, dijo que, de conformidad con los marcos internacionales existentes, era de importancia crítica que los Estados prestaran especial atención al factor de la demanda en la explotación sexual infantil al orientar sobre penas proporcionales a la gravedad del delito.
La República Dominicana, en nombre de la Comunidad de Estados Latinoamericanos y Caribeños, dijo que la rápida evolución de las tecnologías suponía un verdadero desafío para el cumplimiento de las obligaciones de los Estados.
Asimismo, preguntó a los panelistas cómo podían los Estados facilitar un comportamiento socialmente responsable de las empresas.
Estonia describió iniciativas nacionales destinadas a mantener seguros en línea a los niños y los jóvenes, como una línea directa que permite denunciar material de Internet con contenido inapropiado para menores.
Etiopía señaló que, si bien las nuevas tecnologías eran necesarias para el aprendizaje de los niños, también debían vigilarse para prevenir el abuso infantil.
México pidió a los panelistas que explicaran qué medidas podían garantizar la coherencia internacional y evitar la duplicación de la labor de protección de los niños frente a los abusos cometidos mediante las nuevas tecnologías.
San Vicente y las Granadinas señaló que en 2010 el Gobierno había garantizado a todos el acceso a la educación y a las nuevas tecnologías.
También había establecido un sistema adecuado de regulación y supervisión, que incluía orientaciones sobre el contenido de las redes sociales.
Indonesia compartió la preocupación por la explotación sexual infantil en línea y reiteró su compromiso de fortalecer los marcos jurídicos nacionales.
Coincidió en que era necesario encontrar un equilibrio entre aprovechar al máximo el potencial de las nuevas tecnologías y reducir al mínimo sus riesgos.
China dijo que había mejorado su marco jurídico nacional para proteger los derechos del niño, en particular reforzando el Código Penal en lo relativo a la trata y la venta de niños, así como a la explotación y el abuso sexuales de niños.
La Federación de Rusia convino en que todas las partes interesadas debían realizar esfuerzos coherentes y sostenidos para crear un entorno en línea seguro para los niños.
Con ese fin, el Gobierno de Rusia había endurecido las sanciones por la pornografía y la prostitución infantiles a través de Internet.
Terre des Hommes Fédération Internationale dijo que se necesitaban medidas urgentes para revisar el mandato de las fuerzas del orden y el marco jurídico en el que actuaban, a fin de que pudieran combatir eficazmente el turismo sexual infantil por cámara web.
Alsalam Foundation planteó la cuestión de la detención arbitraria, la tortura y la ejecución sumaria de niños en Bahrein, así como la impunidad sistemática de los miembros de la policía.
Si la industria cinematográfica y musical ha logrado el derecho a rastrear a quienes descargan ilegalmente películas y música, preguntó, ¿por qué no puede concederse ese mismo derecho para proteger los derechos humanos de los niños?
Human Rights Advocates dijo que criminalizar a los niños causaba daño al niño y a la sociedad en su conjunto, y que los niños sufrían condiciones muy duras en los centros de detención para adultos.
Human Rights Advocates condenó la cadena perpetua sin posibilidad de libertad condicional y la pena de muerte impuestas a menores.
A continuación, los panelistas respondieron a las preguntas de las delegaciones.
El Sr. ERNIE ALLEN, Presidente de la Junta Consultiva Internacional de la iniciativa WePROTECT del Reino Unido, dijo que la iniciativa WePROTECT había colaborado con gobiernos, el sector privado y organizaciones no gubernamentales.
Se había debatido la idea de crear un grupo de trabajo permanente para lograr una mayor coherencia de las políticas en esta materia.
Era necesario mejorar el intercambio de información entre los países para responder al carácter transnacional de estos delitos.
Había que crear más plataformas regionales de intercambio de información.
La Sra. MAUD DE BOER-BUQUICCHIO, Relatora Especial sobre la venta de niños, la prostitución infantil y la utilización de niños en la pornografía, subrayó la importancia de establecer una estructura permanente que asesorara a los Estados sobre cómo combatir estos delitos, intercambiar buenas prácticas y compartir dificultades.
Señaló la diversidad de legislaciones en la materia, que planteaba problemas para la cooperación internacional, la extradición y el enjuiciamiento.
La estructura permanente podría contribuir a armonizar la legislación.
El Sr. PREETAM MALOOR, Jefe interino de la División de Estrategia Institucional de la Unión Internacional de Telecomunicaciones, subrayó también la importancia de coordinar las iniciativas y determinar sinergias mediante un mecanismo específico.
También apoyó la creación de un mecanismo de cooperación internacional y regional.
Subrayó la importancia de la reunión de datos, que permitiría a los Estados medir los progresos realizados.
Para ello era necesario empoderar a las instituciones nacionales.
El intercambio de información debía incluir las opiniones de los niños sobre cómo abordar los problemas que los afectan.
La aplicación de los Objetivos de Desarrollo Sostenible brindaría a los Estados una buena oportunidad para coordinar sus esfuerzos.
El Sr. JOHN CARR, Director Fundador de Internet Watch Foundation, señaló que muchos Estados se habían referido a la necesidad de reforzar la cooperación internacional para combatir la explotación sexual.
Dijo que las herramientas técnicas eran importantes para que las fuerzas policiales pudieran hacer frente a la magnitud de ese delito.
La Sra. MAUD DE BOER-BUQUICCHIO, Relatora Especial sobre la venta de niños, la prostitución infantil y la utilización de niños en la pornografía, celebró que algunos Estados hubieran hecho hincapié en la necesidad de la prevención.
Afirmó que, a ese respecto, era importante empoderar a los niños mediante la educación.
También destacó el papel de los padres y de los medios de comunicación.
Las organizaciones no gubernamentales desempeñaban un papel muy importante para empoderar a las comunidades a nivel local.
Las empresas de tecnologías de la información y las comunicaciones también contribuían a la prevención mediante el desarrollo de herramientas, líneas directas y actividades de sensibilización.
Desde 2008, la empresa utiliza su tecnología de «hashing» para detectar de forma fiable y proactiva esas imágenes e impedir que vuelvan a aparecer en sus productos.
La Convención sobre los Derechos del Niño y sus Protocolos Facultativos debían ser ratificados universalmente, y debía establecerse un marco jurídico integral para tipificar como delito el abuso infantil.
El Sr. Allen subrayó la importancia de la prevención, ya que los Estados nunca podrían detener y enjuiciar a todos los autores, por lo que el principal desafío debía abordarse desde la prevención.
El modelo de respuesta nacional de WePROTECT era adaptable a todos los países, cualquiera que fuese su nivel de desarrollo en materia de tecnologías de la información y las comunicaciones.
El Sr. BENYAM DAWIT MEZMUR, Presidente del Comité de los Derechos del Niño, señaló que podía haber casos en que las opiniones religiosas y culturales de los padres y de los hijos divergieran.
Las buenas prácticas del Norte Global no podían trasladarse sin más al Sur Global sin tener en cuenta el contexto local.
El Sur Global debía realizar sus propias investigaciones y reunir sus propios datos.
Los Objetivos de Desarrollo Sostenible no podrían alcanzarse sin haber abordado el problema de la explotación y el abuso de niños, concluyó.
El Sr. PREETAM MALOOR, Jefe interino de la División de Estrategia Institucional de la Unión Internacional de Telecomunicaciones, señaló a la atención el documento de antecedentes de la Oficina del Alto Comisionado para los Derechos Humanos sobre la agenda digital para los niños.
Dijo que toda estrategia nacional debía incluir los componentes principales de ese documento.
El Sr. CHOI KYONGLIM, Presidente del Consejo de Derechos Humanos, dio las gracias a los panelistas y a los oradores que habían contribuido al debate.
