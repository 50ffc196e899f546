/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-a11y.c: small repairs to what GTK 4.8 tells a screen reader */
#define G_LOG_DOMAIN "raad-a11y"

#include "config.h"

#include "raad-a11y.h"

static char *
strip_mnemonic (const char *label)
{
  GString *plain = g_string_new (NULL);

  /* "__" is a literal underscore, a single one marks the mnemonic. */
  for (const char *p = label; *p; p++)
    {
      if (*p == '_' && p[1] == '_')
        g_string_append_c (plain, *p++);
      else if (*p != '_')
        g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

static void
fix_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *plain = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;
  plain = strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                  -1);
}

void
raad_a11y_fix_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    fix_button (GTK_BUTTON (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    raad_a11y_fix_mnemonic_buttons (child);
}

static GtkWidget *
find_toggle (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (child))
        return child;
      if ((found = find_toggle (child)) != NULL)
        return found;
    }
  return NULL;
}

void
raad_a11y_name_drop_downs (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_DROP_DOWN (root))
    {
      GtkWidget *toggle = find_toggle (root);

      if (toggle != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, root, NULL,
                                        -1);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    raad_a11y_name_drop_downs (child);
}
