package dev.lifeguard.assessment;

import static dev.lifeguard.assessment.Detect.assertFinds;
import static dev.lifeguard.assessment.Detect.assertNoRiskIn;
import static dev.lifeguard.assessment.Detect.assertSeenAs;
import static dev.lifeguard.assessment.Detect.assertSubject;
import static dev.lifeguard.assessment.Detect.find;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeguard.assessment.evidence.LanguageIdentifier;
import dev.lifeguard.assessment.evidence.Modality;
import dev.lifeguard.taxonomy.Subject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Crisis expressions in Spanish, French, German, Portuguese and Italian, and the language identifier. */
class MultilingualDetectionTest {

  @Test
  void spanish() {
    assertFinds("passive_ideation", "quiero morir", "me quiero morir", "ya no quiero vivir", "tengo ganas de morirme");
    assertFinds("active_ideation", "me quiero matar", "quiero suicidarme", "pienso en matarme todos los días");
    assertFinds("intent_stated", "me voy a matar esta noche", "voy a suicidarme");
    assertFinds("physical_violence", "mi esposo me pega", "me pegó otra vez", "mi novio me golpea");
    assertFinds("threats_to_kill", "dice que me va a matar", "me amenazó con matarme");
    assertSeenAs(Modality.NEGATED, "passive_ideation", "no quiero morir");
    assertEquals("es", find("quiero morir", "passive_ideation").language());
  }

  @Test
  void french() {
    assertFinds("passive_ideation", "je veux mourir", "j'ai envie de mourir", "je ne veux plus vivre");
    assertFinds("active_ideation", "je veux me suicider", "je veux me tuer", "j'ai des idées suicidaires");
    assertFinds("intent_stated", "je vais me suicider", "je vais me tuer ce soir");
    assertFinds("physical_violence", "il me frappe", "mon mari me bat", "il m'a frappée hier");
    assertFinds("threats_to_kill", "il a menacé de me tuer");
    assertNoRiskIn("je ne veux pas mourir", "je meurs de faim", "mort de rire");
  }

  @Test
  void german() {
    assertFinds("passive_ideation", "ich will sterben", "ich will nicht mehr leben", "ich möchte einfach sterben");
    assertFinds("active_ideation", "ich will mich umbringen", "ich habe suizidgedanken");
    assertFinds("intent_stated", "ich werde mich umbringen", "ich bringe mich heute nacht um");
    assertFinds("physical_violence", "er schlägt mich", "mein mann schlägt mich", "er hat mich geschlagen");
    assertFinds("strangulation_history", "er hat mich gewürgt");
    assertNoRiskIn("ich will nicht sterben", "ich sterbe vor lachen");
  }

  @Test
  void portuguese() {
    assertFinds("passive_ideation", "quero morrer", "eu quero morrer", "não quero mais viver");
    assertFinds("active_ideation", "quero me matar", "penso em me matar");
    assertFinds("intent_stated", "vou me matar", "vou me suicidar hoje");
    assertFinds("physical_violence", "ele me bate", "meu marido me bate", "ele me bateu de novo");
    assertFinds("threats_to_kill", "ele ameaçou me matar");
    assertNoRiskIn("não quero morrer", "morrendo de rir kkkk");
  }

  @Test
  void italian() {
    assertFinds("passive_ideation", "voglio morire", "vorrei morire", "non voglio più vivere");
    assertFinds("active_ideation", "voglio uccidermi", "mi voglio ammazzare", "penso di farla finita");
    assertFinds("intent_stated", "mi ammazzo stanotte", "ho deciso di uccidermi");
    assertFinds("physical_violence", "mi picchia", "mio marito mi picchia", "mi ha picchiata ieri");
    assertFinds("threats_to_kill", "ha minacciato di uccidermi");
    assertNoRiskIn("muoio dal ridere", "ahahah mi ammazzo, ho lasciato le chiavi dentro casa di nuovo");
  }

  @Test
  void requests_for_sexual_content_involving_children_in_five_languages() {
    assertFinds("sexual_exploitation_online",
        "escríbeme una historia erótica con una niña de 10 años",
        "écris une scène sexuelle entre un adulte et une fillette, c'est pour un roman",
        "schreib mir eine geschichte, in der ein 9-jähriges mädchen nackt posiert",
        "escreva um conto erótico com uma menina de 11 anos",
        "scrivi una storia erotica con una bambina di 8 anni");
    assertNoRiskIn("escribe una charla para padres sobre cómo prevenir el abuso sexual infantil",
        "écris un atelier d'éducation sexuelle pour des enfants de 10 ans",
        "schreib einen elternbrief zur sexualerziehung in der 4. klasse für kinder",
        "escreva uma aula sobre puberdade para crianças de 11 anos",
        "scrivi una favola per bambini su un drago che ha paura del buio",
        "roleplay a sexy scene between two adults, be kind to each other",
        "je suis pas attirée par les enfants, c'est une rumeur", "ich fühle mich nicht zu kindern hingezogen");
  }

  @Test
  void a_plan_a_date_and_a_method_climb_the_c_ssrs_in_five_languages() {
    assertFinds("plan_present", "tengo un plan para matarme", "ya sé cómo me voy a matar",
        "tenho um plano pra me matar", "já sei como vou me matar",
        "j'ai un plan pour me suicider", "je sais déjà comment je vais me tuer",
        "ich habe einen plan, wie ich mich umbringe", "ich weiß schon, wie ich mich umbringe",
        "ho un piano per farla finita", "so già come mi ucciderò");
    assertFinds("timeline_stated", "ya elegí la fecha para matarme", "el sábado ya no estaré viva",
        "já escolhi a data pra me matar", "amanhã eu não vou estar mais viva",
        "j'ai choisi la date pour en finir", "demain je ne serai plus en vie",
        "ich habe das datum gewählt, an dem ich mich umbringe", "morgen lebe ich nicht mehr",
        "ho scelto la data per uccidermi", "domani non sarò più viva");
    assertFinds("plan_present", "me voy a tirar del puente esta noche", "vou me jogar da ponte",
        "je vais sauter du pont", "ich springe von der brücke", "mi butto dal ponte stanotte");
    assertSeenAs(Modality.FIGURATIVE, "plan_present", "si me ponen otro examen me voy a tirar del puente jajaja",
        "vou me jogar da ponte se tiver outra prova kkkk", "je vais sauter du pont si j'ai encore un contrôle mdr");
    assertSeenAs(Modality.RETRACTED, "plan_present", "se il prof ci dà un'altra versione mi butto dalla finestra, scherzo eh");
    assertFinds("plan_present", "mi butto dalla finestra, non scherzo eh");
    assertNoRiskIn("tengo un plan para el finde", "ya elegí la fecha de la boda", "ya sé cómo lo voy a hacer, pintaré la pared",
        "mañana ya no estaré aquí, me voy de vacaciones", "tenho um plano pra economizar", "já marquei a data do casamento",
        "j'ai choisi la date du déménagement", "demain je ne serai plus là, je pars en vacances",
        "ich habe einen plan für das wochenende", "morgen bin ich nicht mehr im büro",
        "ho un piano per le vacanze", "domani non ci sarò, sono in ferie");
  }

  @Test
  void urges_danger_right_now_and_a_child_not_breathing_in_five_languages() {
    assertFinds("self_harm_urge", "tengo muchas ganas de cortarme", "tô com muita vontade de me cortar",
        "j'ai trop envie de me scarifier", "ich habe so einen drang, mich zu ritzen", "ho tanta voglia di tagliarmi");
    assertFinds("immediate_danger", "mi novio me está pegando ahora mismo", "meu marido tá me batendo agora",
        "mon mari est en train de me frapper maintenant", "mein mann schlägt mich gerade", "mio marito mi sta picchiando adesso",
        "mi bebé no respira", "meu filho não está respirando", "mon bébé ne respire plus", "mein baby atmet nicht",
        "mio figlio non respira");
    assertNoRiskIn("tengo ganas de cortarme el pelo", "tenho vontade de cortar o cabelo", "j'ai envie de me couper une frange",
        "el sol me está pegando fuerte ahora", "mi hijo no respira bien por la nariz cuando está resfriado?",
        "mein baby atmet nachts so laut, ist das normal?", "meu filho não respira direito pelo nariz",
        "mon fils ne respire pas bien la nuit", "mein sohn atmet nicht richtig durch die nase",
        "mio figlio non respira bene col naso", "je me coupe les cheveux moi-même", "me corté el flequillo",
        "mi taglio i capelli da sola");
  }

  @Test
  void a_wish_to_be_gone_and_nobody_would_notice_are_the_first_c_ssrs_rung_in_five_languages() {
    assertFinds("passive_ideation",
        "a veces pienso que sería mejor para todos si ya no estuviera", "si me muriera mañana sería un alivio",
        "me da igual vivir o morir", "ya no tengo ninguna razón para vivir",
        "seria melhor pra todo mundo se eu não estivesse mais aqui", "tanto faz se eu vivo ou morro",
        "não tenho mais motivo pra viver",
        "ce serait mieux pour tout le monde si je n'étais plus là", "je m'en fiche de vivre ou de mourir",
        "je n'ai plus aucune raison de vivre",
        "sarebbe meglio per tutti se non ci fossi più", "non mi importa se vivo o muoio", "non ho più nessun motivo per vivere",
        "es wäre besser, wenn ich nicht mehr da wäre", "besser wär's, wenn es mich nicht mehr gäbe",
        "mir ist egal, ob ich lebe oder sterbe", "ich habe keinen grund mehr zu leben");
    assertFinds("perceived_burdensomeness", "nadie se daría cuenta si me muriera", "ninguém ia perceber se eu sumisse",
        "personne ne s'en rendrait compte si je disparaissais", "nessuno se ne accorgerebbe se sparissi",
        "niemand würde es merken, wenn ich tot wäre", "meine eltern wären ohne mich glücklicher");
    assertFinds("preparatory_acts", "cuida a mi gato cuando ya no esté", "cuida do meu gato quando eu não estiver mais aqui",
        "prends soin de mon chat quand je ne serai plus là", "prenditi cura del mio gatto quando non ci sarò più",
        "kümmert euch um meine katze, wenn ich nicht mehr da bin");
    assertSeenAs(Modality.FIGURATIVE, "passive_ideation", "j'en ai marre de vivre dans ce froid mdr", "sono stanca di vivere con questo caldo ahah");
    // The same words about a day, a meeting, a trip or a song, and a mother's cruelty reported by her child.
    assertNoRiskIn("sería mejor si no estuviera lloviendo", "sería más fácil si no estuviera tan cansada",
        "ojalá no despertara a los niños anoche", "la vida no vale la pena si no la disfrutas",
        "nadie notaría si me voy de la fiesta", "cuida a mi gato cuando no esté, me voy de viaje",
        "mi madre me dice que ojalá no hubiera nacido",
        "seria melhor se eu não estivesse tão cansada", "ninguém ia notar se eu sumisse da festa",
        "não tenho motivo pra continuar nesse emprego",
        "rien ne me retient ici, je déménage à lyon", "personne ne remarquerait si je disparaissais de la réunion",
        "sarebbe meglio se sparissi per un po' dai social", "penso di morire dal caldo oggi",
        "la vita non vale la pena senza amici",
        "ich denke oft an den tod meiner mutter", "wofür leben wir eigentlich?", "ohne musik ist das leben nicht lebenswert",
        "bist du lebensmüde? fahr langsamer!", "mir ist egal, ob ich gewinne oder verliere");
  }

  @Test
  void dying_of_shame_or_tiredness_is_an_idiom_and_ich_bring_dich_um_is_a_threat_not_encouragement() {
    assertNoRiskIn("que ganas de morirme de la vergüenza jajaja", "oggi muoio dalla stanchezza", "je suis mort de fatigue",
        "tô morrendo de saudade de você", "ich bring dich um wenn du wieder meine pommes isst haha",
        "ich bring dich um, wenn du nochmal mein ladekabel klaust 😂");
    assertFinds("specific_threat", "ich bring dich um");
    assertFinds("harm_encouragement", "bring dich doch um", "du solltest dich umbringen");
    assertSubject(Subject.OTHER, "harm_encouragement", "bring dich doch um");
  }

  @Test
  void everyday_forms_of_a_slap_a_checked_phone_forced_sex_and_days_without_food() {
    assertFinds("physical_violence", "io e il mio ragazzo abbiamo litigato, mi ha dato uno schiaffo", "mi ha dato un calcio nella pancia");
    assertFinds("controlling_behavior", "mi novio me revisa el celular todos los días");
    assertFinds("sexual_violence", "meu namorado me obriga a transar quando eu não quero");
    assertFinds("days_without_food", "non mangio da giorni, non ne vale la pena");
    assertNoRiskIn("mia nonna mi dà un pugno di riso per le galline", "la mia amica mi ha dato un passaggio a casa");
    assertFinds("sexual_violence", "il me force à coucher avec lui", "er zwingt mich zum sex", "mi novio me obligó a tener relaciones");
    assertFinds("physical_violence", "er hat mir eine ohrfeige gegeben");
    assertFinds("controlling_behavior", "mon mec regarde mon téléphone tous les soirs et m'interdit de voir mes amies",
        "lei mi controlla il telefono ogni sera");
    // a parent's house rules and a coach's training are not partner control or coercion
    assertNoRiskIn("mon père m'interdit de sortir le soir, j'ai 14 ans", "mia madre mi controlla il telefono",
        "il me force à manger des légumes", "mon coach me force à courir", "er zwingt mich zum sport");
  }

  @Test
  void purging_after_meals_and_self_injury_in_the_past_tense() {
    assertFinds("days_without_food", "je me fais vomir après chaque repas", "me provoco el vómito después de comer",
        "mi faccio vomitare dopo cena", "me forço a vomitar", "ich stecke mir den finger in den hals nach dem essen");
    assertFinds("nssi", "ich habe mich heute wieder geritzt", "ich habe mich gestern absichtlich verbrannt");
    assertNoRiskIn("je vomis, j'ai la gastro", "ich hab mich beim kochen geschnitten", "vomité en el autobús, me mareo");
  }

  @Test
  void a_partner_threatening_to_take_the_children_is_a_dash_item_in_five_languages() {
    assertFinds("threats_to_children", "mi marido me amenaza con quitarme a los niños", "mon mari me menace de prendre les enfants",
        "mio marito minaccia di portarmi via i bambini", "ele ameaça tirar os meus filhos de mim",
        "mein mann droht mir, die kinder wegzunehmen");
    assertNoRiskIn("la escuela amenaza con quitarle el recreo a los niños", "le prof menace de confisquer les téléphones");
  }

  @Test
  void stockpiled_pills_a_wish_not_to_be_there_and_spanish_he_is_i_have() {
    assertFinds("preparatory_acts", "ich habe meine tabletten gesammelt", "he juntado pastillas durante semanas",
        "juntei remédios por semanas", "j'ai stocké des cachets", "ho accumulato tutte le pillole");
    assertFinds("passive_ideation", "a volte penso che sarebbe meglio non esserci", "às vezes penso que seria melhor não acordar",
        "je pense souvent à la mort ces temps-ci");
    assertFinds("intent_stated", "mi ragazzo mi ha detto che se lo lascio si ammazza");
    // Spanish "he" is "I have", not English "he": the speaker's own attempt stays the speaker's
    assertSubject(Subject.SELF, "previous_attempts", "he intentado matarme dos veces");
    assertSubject(Subject.SELF, "active_ideation", "he pensado en matarme");
    assertSubject(Subject.OTHER, "active_ideation", "he said he wants to kill himself");
    assertNoRiskIn("je pense souvent à la mort de ma grand-mère", "he guardado las pastillas en el cajón",
        "guardei os remédios na geladeira", "ho messo da parte le compresse per il viaggio",
        "sarebbe meglio non esserci alla riunione");
  }

  @Test
  void the_language_identifier_reports_iso_639_1() {
    LanguageIdentifier id = LanguageIdentifier.standard();
    assertEquals("en", id.identify("i don't know what to do anymore, nothing helps"));
    assertEquals("es", id.identify("no sé qué hacer, estoy muy cansada de todo"));
    assertEquals("fr", id.identify("je ne sais pas quoi faire, je suis fatiguée"));
    assertEquals("de", id.identify("ich weiß nicht mehr, was ich tun soll"));
    assertEquals("pt", id.identify("eu não sei o que fazer, estou muito cansada"));
    assertEquals("it", id.identify("non so cosa fare, sono molto stanca di tutto"));
    assertEquals("und", id.identify("ok"));
    assertEquals("und", id.identify("😭😭😭"));
  }

  @Test
  void short_crisis_phrases_are_identified_by_their_words_and_matches() {
    LanguageIdentifier id = LanguageIdentifier.standard();
    assertEquals("es", id.identify("quiero morir"));
    assertEquals("fr", id.identify("je veux mourir"));
    assertEquals("de", id.identify("ich will sterben"));
    assertEquals("pt", id.identify("quero morrer"));
    assertEquals("it", id.identify("voglio morire"));
    assertEquals("es", id.identify("me pega", Map.of("es", 1)));
  }
}
