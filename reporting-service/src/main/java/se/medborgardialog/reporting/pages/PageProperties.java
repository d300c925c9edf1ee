package se.medborgardialog.reporting.pages;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the pages name what the figures are counted by: slugs (units, nämnder, categories, guarantee ids) to Swedish
 * display names. A slug without a name is shown as it is.
 */
@ConfigurationProperties("reporting.pages")
public record PageProperties(@DefaultValue Map<String, String> names) {

    public PageProperties {
        names = Map.copyOf(names);
    }

    public String name(String slug) {
        if (slug == null || slug.isEmpty()) {
            return "(ingen)";
        }
        return names.getOrDefault(slug, slug);
    }
}
