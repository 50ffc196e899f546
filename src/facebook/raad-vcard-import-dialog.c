/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-vcard-import-dialog.c: who a vCard file adds, before anything is saved */
#define G_LOG_DOMAIN "raad-facebook"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-a11y.h"
#include "raad-council.h"
#include "raad-member.h"
#include "raad-record-list.h"
#include "raad-vcard.h"
#include "raad-vcard-import-dialog.h"

/* The parsed members are not in the store yet. The dialog lists them; cards whose council
 * this database does not know get the council picked at the top; "Add N Members" saves them
 * all in one transaction, or none. */

struct _RaadVcardImportDialog
{
  AdwWindow            parent_instance;

  RaadStore           *store;
  GPtrArray           *members;
  char                *council_id;
  GPtrArray           *council_ids;   /* parallel to the council row's model */
  GPtrArray           *homeless;      /* members without a known council */
  GPtrArray           *subtitles;     /* AdwActionRow of each homeless member */

  GtkLabel            *error_label;
  GtkWidget           *add_button;
  AdwPreferencesGroup *council_group;
  AdwComboRow         *council_row;
  AdwPreferencesGroup *members_group;
};

G_DEFINE_FINAL_TYPE (RaadVcardImportDialog, raad_vcard_import_dialog, ADW_TYPE_WINDOW)

enum {
  MEMBERS_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
selected_council_id (RaadVcardImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->council_row);

  if (selected >= self->council_ids->len)
    return NULL;
  return g_ptr_array_index (self->council_ids, selected);
}

static char *
describe (RaadVcardImportDialog *self,
          RaadMember            *member,
          gboolean               homeless)
{
  const char *role = raad_member_get_role (member);
  g_autofree char *council = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (role != NULL && *role != '\0')
    g_string_append (text, raad_member_role_label (role));

  if (homeless)
    {
      GListModel *names = adw_combo_row_get_model (self->council_row);
      guint selected = adw_combo_row_get_selected (self->council_row);
      g_autofree char *card_council = raad_vcard_dup_council_name (member);

      if (names != NULL && selected < g_list_model_get_n_items (names))
        council = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (names), selected));
      if (card_council != NULL && council != NULL)
        {
          /* Translators: the first %s is the council picked in the dialog, the second the
           * unknown council the vCard names */
          char *to = g_strdup_printf (_("%s (the card says “%s”)"), council, card_council);

          g_free (council);
          council = to;
        }
    }
  else
    council = raad_vcard_dup_council_name (member);

  if (council != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, council);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
council_selected_cb (RaadVcardImportDialog *self)
{
  for (guint i = 0; self->subtitles != NULL && i < self->subtitles->len; i++)
    {
      g_autofree char *subtitle = describe (self, g_ptr_array_index (self->homeless, i), TRUE);

      adw_action_row_set_subtitle (g_ptr_array_index (self->subtitles, i), subtitle);
    }
}

static gboolean
has_known_council (RaadVcardImportDialog *self,
                   RaadMember            *member)
{
  const char *id = raad_member_get_council_id (member);

  return id != NULL && *id != '\0' && raad_store_exists (self->store, id);
}

static void
build (RaadVcardImportDialog *self)
{
  g_autoptr(RaadQuery) query = raad_query_new ("council");
  g_autoptr(RaadRecordList) councils = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *add_label = NULL;
  g_autofree char *title = NULL;
  guint n_councils, position = 0;

  raad_query_order_by (query, "kind", FALSE);
  raad_query_order_by (query, "name", FALSE);
  councils = raad_record_list_new (self->store, query);
  n_councils = g_list_model_get_n_items (G_LIST_MODEL (councils));
  for (guint i = 0; i < n_councils; i++)
    {
      g_autoptr(RaadCouncil) council = g_list_model_get_item (G_LIST_MODEL (councils), i);
      const char *id = raad_record_get_id (RAAD_RECORD (council));

      gtk_string_list_append (names, raad_council_get_name (council));
      g_ptr_array_add (self->council_ids, g_strdup (id));
      if (g_strcmp0 (id, self->council_id) == 0)
        position = i;
    }
  adw_combo_row_set_model (self->council_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->council_row, position);

  for (guint i = 0; i < self->members->len; i++)
    {
      RaadMember *member = g_ptr_array_index (self->members, i);
      gboolean homeless = !has_known_council (self, member);
      const char *name = raad_member_get_name (member);
      g_autofree char *subtitle = NULL;
      g_autoptr(GdkPixbuf) photo = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *avatar = adw_avatar_new (40, name, TRUE);

      if (homeless)
        g_ptr_array_add (self->homeless, member);
      subtitle = describe (self, member, homeless);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      photo = raad_vcard_load_photo (member, 40 * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                     NULL);
      if (photo != NULL)
        {
          g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (photo);

          adw_avatar_set_custom_image (ADW_AVATAR (avatar), GDK_PAINTABLE (texture));
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
      adw_preferences_group_add (self->members_group, row);
      if (homeless)
        g_ptr_array_add (self->subtitles, row);
    }

  /* Nowhere to put members without a council: the user makes a council first. */
  gtk_widget_set_visible (GTK_WIDGET (self->council_group), self->homeless->len > 0);
  if (self->homeless->len > 0 && n_councils == 0)
    {
      gtk_label_set_label (self->error_label,
                           _("Some cards name no council of this organisation. Add a council "
                             "first, then import again."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.add", FALSE);
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member will be added",
                                        "%u members will be added", self->members->len),
                           self->members->len);
  adw_preferences_group_set_title (self->members_group, title);
  add_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Add %u Member",
                                            "_Add %u Members", self->members->len),
                               self->members->len);
  gtk_button_set_label (GTK_BUTTON (self->add_button), add_label);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RaadVcardImportDialog *self = RAAD_VCARD_IMPORT_DIALOG (widget);

  if (raad_vcard_import_dialog_add (self))
    gtk_window_close (GTK_WINDOW (self));
}

static void
raad_vcard_import_dialog_dispose (GObject *object)
{
  RaadVcardImportDialog *self = RAAD_VCARD_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_VCARD_IMPORT_DIALOG);
  g_clear_pointer (&self->subtitles, g_ptr_array_unref);
  g_clear_pointer (&self->homeless, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (raad_vcard_import_dialog_parent_class)->dispose (object);
}

static void
raad_vcard_import_dialog_finalize (GObject *object)
{
  RaadVcardImportDialog *self = RAAD_VCARD_IMPORT_DIALOG (object);

  g_free (self->council_id);
  g_ptr_array_unref (self->council_ids);

  G_OBJECT_CLASS (raad_vcard_import_dialog_parent_class)->finalize (object);
}

static void
raad_vcard_import_dialog_class_init (RaadVcardImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_vcard_import_dialog_dispose;
  object_class->finalize = raad_vcard_import_dialog_finalize;

  /* The members were saved; the argument is how many. */
  signals[MEMBERS_ADDED] =
    g_signal_new ("members-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/facebook/raad-vcard-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadVcardImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RaadVcardImportDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, RaadVcardImportDialog, council_group);
  gtk_widget_class_bind_template_child (widget_class, RaadVcardImportDialog, council_row);
  gtk_widget_class_bind_template_child (widget_class, RaadVcardImportDialog, members_group);
  gtk_widget_class_bind_template_callback (widget_class, council_selected_cb);

  gtk_widget_class_install_action (widget_class, "import.add", NULL, add_action);
}

static void
raad_vcard_import_dialog_init (RaadVcardImportDialog *self)
{
  self->council_ids = g_ptr_array_new_with_free_func (g_free);
  self->homeless = g_ptr_array_new ();
  self->subtitles = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  raad_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}

GtkWidget *
raad_vcard_import_dialog_new (RaadStore  *store,
                              GPtrArray  *members,
                              const char *council_id)
{
  RaadVcardImportDialog *self;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (members != NULL, NULL);

  self = g_object_new (RAAD_TYPE_VCARD_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->members = g_ptr_array_ref (members);
  self->council_id = g_strdup (council_id);
  build (self);
  return GTK_WIDGET (self);
}

gboolean
raad_vcard_import_dialog_add (RaadVcardImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *council_id;

  g_return_val_if_fail (RAAD_IS_VCARD_IMPORT_DIALOG (self), FALSE);

  council_id = selected_council_id (self);
  if (self->homeless->len > 0 && council_id == NULL)
    return FALSE;
  for (guint i = 0; i < self->homeless->len; i++)
    raad_member_set_council_id (g_ptr_array_index (self->homeless, i), council_id);

  if (!raad_vcard_save_members (self->store, self->members, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was added: %s"), error->message);

      g_warning ("vCard import failed: %s", error->message);
      gtk_label_set_label (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[MEMBERS_ADDED], 0, self->members->len);
  return TRUE;
}
