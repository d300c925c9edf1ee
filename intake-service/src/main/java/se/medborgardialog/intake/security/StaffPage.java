package se.medborgardialog.intake.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the staff pages: their model gets the signed-in {@link StaffUser} as {@code staff}, which the
 * pages' footer uses for the logout button after the provider's login ({@link StaffPageModel}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StaffPage {
}
