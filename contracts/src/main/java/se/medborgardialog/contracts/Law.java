package se.medborgardialog.contracts;

/** The law an avvikelse falls under: socialtjänstlagen, LSS, hälso- och sjukvårdslagen or skollagen. */
public enum Law {
    SOL, LSS, HSL, SKOLLAGEN
}
