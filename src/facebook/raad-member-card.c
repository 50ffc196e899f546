/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-member-card.c: one member on the face-book: photo, name, role, areas, badges */
#define G_LOG_DOMAIN "raad-facebook"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "raad-council.h"
#include "raad-member-card.h"
#include "raad-photo-cache.h"
#include "raad-wrap-box.h"

#define AVATAR_SIZE 96

struct _RaadMemberCard
{
  GtkFlowBoxChild    parent_instance;

  RaadMember        *member;
  RaadCouncil       *council;
  RaadFacebookState *state;
  char              *section_council_id;
  char              *label;
  char              *photo_digest;   /* the digest shown, or loading */
  GCancellable      *photo_cancellable;
  GStrv              shown_areas;

  AdwAvatar         *avatar;
  GtkLabel          *name_label;
  GtkLabel          *role_label;
  GtkLabel          *council_label;
  GtkWidget         *badges;
  GtkWidget         *linking_pin_badge;
  GtkWidget         *term_badge;
  RaadWrapBox       *areas_box;
  GtkLabel          *email_label;
  GtkLabel          *phone_label;
};

G_DEFINE_FINAL_TYPE (RaadMemberCard, raad_member_card, GTK_TYPE_FLOW_BOX_CHILD)

enum {
  PROP_0,
  PROP_MEMBER,
  PROP_SECTION_COUNCIL_ID,
  PROP_STATE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update (RaadMemberCard *self);

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

static gboolean
is_linking_pin (RaadMemberCard *self)
{
  return self->section_council_id != NULL
         && g_strcmp0 (self->section_council_id, raad_member_get_council_id (self->member)) != 0;
}

static gboolean
contact_visible (RaadMemberCard *self,
                 const char     *visibility)
{
  if (self->state == NULL || !raad_facebook_state_get_show_contact_details (self->state))
    return FALSE;
  if (g_strcmp0 (visibility, RAAD_VISIBILITY_ORGANISATION) == 0)
    return TRUE;
  if (g_strcmp0 (visibility, RAAD_VISIBILITY_PRIVATE) == 0)
    return FALSE;
  /* Own council only (also when unset: the careful default). */
  return g_strcmp0 (raad_facebook_state_get_current_council_id (self->state),
                    raad_member_get_council_id (self->member)) == 0;
}

static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso);
  date = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso);
  /* Translators: a date as in "1 March 2027", see strftime */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static void
photo_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RaadMemberCard) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = raad_photo_cache_load_finish (RAAD_PHOTO_CACHE (object), result, &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No photo for %s: %s", raad_record_get_id (RAAD_RECORD (self->member)),
                 error->message);
      return;
    }
  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
update_photo (RaadMemberCard *self)
{
  RaadPhotoCache *cache = raad_photo_cache_get_default ();
  const char *digest;
  int size;
  GdkTexture *texture;

  digest = raad_record_get_attachment_digest (RAAD_RECORD (self->member), RAAD_MEMBER_PHOTO);
  if (g_strcmp0 (digest, self->photo_digest) == 0)
    return;

  g_cancellable_cancel (self->photo_cancellable);
  g_clear_object (&self->photo_cancellable);
  g_free (self->photo_digest);
  self->photo_digest = g_strdup (digest);

  if (digest == NULL)
    {
      adw_avatar_set_custom_image (self->avatar, NULL);
      return;
    }

  size = AVATAR_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  if ((texture = raad_photo_cache_lookup (cache, digest, size)) != NULL)
    {
      adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
      return;
    }

  /* Initials until the photo is decoded. */
  adw_avatar_set_custom_image (self->avatar, NULL);
  self->photo_cancellable = g_cancellable_new ();
  raad_photo_cache_load_async (cache, RAAD_RECORD (self->member), RAAD_MEMBER_PHOTO, size,
                               self->photo_cancellable, photo_loaded_cb, g_object_ref (self));
}

static void
update_areas (RaadMemberCard *self)
{
  const char * const *areas = raad_member_get_attention_areas (self->member);

  if (strv_equal0 ((const char * const *) self->shown_areas, areas))
    return;
  g_strfreev (self->shown_areas);
  self->shown_areas = g_strdupv ((char **) areas);

  raad_wrap_box_remove_all (self->areas_box);
  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    {
      GtkWidget *pill = gtk_label_new (areas[i]);

      gtk_label_set_ellipsize (GTK_LABEL (pill), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (pill), 24);
      gtk_widget_add_css_class (pill, "area-pill");
      raad_wrap_box_append (self->areas_box, pill);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->areas_box), areas != NULL && areas[0] != NULL);
}

static void
council_notify_cb (RaadMemberCard *self)
{
  update (self);
}

static void
update_council (RaadMemberCard *self)
{
  const char *council_id = raad_member_get_council_id (self->member);
  RaadStore *store = raad_record_get_store (RAAD_RECORD (self->member));
  g_autoptr(RaadRecord) record = NULL;

  if (self->council != NULL
      && g_strcmp0 (raad_record_get_id (RAAD_RECORD (self->council)), council_id) == 0)
    return;

  if (self->council != NULL)
    g_signal_handlers_disconnect_by_func (self->council, council_notify_cb, self);
  g_clear_object (&self->council);

  if (council_id == NULL || *council_id == '\0')
    return;
  record = raad_record_load (store, council_id, NULL);
  if (record == NULL || !RAAD_IS_COUNCIL (record))
    return;
  self->council = RAAD_COUNCIL (g_steal_pointer (&record));
  g_signal_connect_swapped (self->council, "notify::name", G_CALLBACK (council_notify_cb), self);
}

static void
update (RaadMemberCard *self)
{
  const char *name, *role, *council_name;
  const char *role_label = NULL;
  g_autoptr(GString) label = NULL;
  gboolean linking_pin, term_soon = FALSE;
  const char *email, *phone;

  if (self->member == NULL)
    return;

  update_council (self);

  name = raad_member_get_name (self->member);
  if (name == NULL || *name == '\0')
    name = _("Unnamed member");
  role = raad_member_get_role (self->member);
  if (role != NULL && *role != '\0')
    role_label = raad_member_role_label (role);
  council_name = self->council != NULL ? raad_council_get_name (self->council)
                                       : _("Unknown council");
  linking_pin = is_linking_pin (self);

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);
  set_label_text (self->role_label, role_label);
  set_label_text (self->council_label, council_name);
  gtk_widget_set_visible (self->linking_pin_badge, linking_pin);

  if (self->state != NULL)
    {
      g_autoptr(GDate) today = g_date_new ();
      guint months = raad_facebook_state_get_term_warning_months (self->state);

      g_date_set_time_t (today, time (NULL));
      term_soon = raad_member_term_ends_soon (self->member, today, months);
    }
  gtk_widget_set_visible (self->term_badge, term_soon);
  if (term_soon)
    {
      g_autofree char *date = format_date (raad_member_get_term_end (self->member));
      g_autofree char *tooltip = g_strdup_printf (_("The term ends on %s"), date);

      gtk_widget_set_tooltip_text (self->term_badge, tooltip);
    }
  gtk_widget_set_visible (self->badges, linking_pin || term_soon);

  email = raad_member_get_email (self->member);
  phone = raad_member_get_phone (self->member);
  set_label_text (self->email_label,
                  contact_visible (self, raad_member_get_email_visibility (self->member))
                  ? email : NULL);
  set_label_text (self->phone_label,
                  contact_visible (self, raad_member_get_phone_visibility (self->member))
                  ? phone : NULL);

  update_areas (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_photo (self);

  /* What a screen reader says, and what the accessibility tests look for. */
  label = g_string_new (name);
  if (role_label != NULL)
    g_string_append_printf (label, ", %s", role_label);
  g_string_append_printf (label, ", %s", council_name);
  if (linking_pin)
    g_string_append_printf (label, ", %s", _("linking pin"));
  if (term_soon)
    g_string_append_printf (label, ", %s", _("term ends soon"));

  if (g_strcmp0 (self->label, label->str) != 0)
    {
      g_free (self->label);
      self->label = g_string_free (g_steal_pointer (&label), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                      -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }
}

static void
member_notify_cb (RaadMemberCard *self,
                  GParamSpec     *pspec)
{
  update (self);
}

/* GtkWidget */

static void
raad_member_card_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (raad_member_card_parent_class)->map (widget);

  /* Photos are decoded for cards that show, not for every member of a section. */
  update_photo (RAAD_MEMBER_CARD (widget));
}

/* GObject */

static void
raad_member_card_constructed (GObject *object)
{
  RaadMemberCard *self = RAAD_MEMBER_CARD (object);

  G_OBJECT_CLASS (raad_member_card_parent_class)->constructed (object);

  g_return_if_fail (self->member != NULL);
  g_signal_connect_object (self->member, "notify", G_CALLBACK (member_notify_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->state != NULL)
    {
      g_signal_connect_object (self->state, "notify::term-warning-months",
                               G_CALLBACK (member_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->state, "notify::show-contact-details",
                               G_CALLBACK (member_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->state, "notify::current-council-id",
                               G_CALLBACK (member_notify_cb), self, G_CONNECT_SWAPPED);
    }
  update (self);
}

static void
raad_member_card_dispose (GObject *object)
{
  RaadMemberCard *self = RAAD_MEMBER_CARD (object);

  g_cancellable_cancel (self->photo_cancellable);
  g_clear_object (&self->photo_cancellable);
  if (self->council != NULL)
    g_signal_handlers_disconnect_by_func (self->council, council_notify_cb, self);
  g_clear_object (&self->council);
  g_clear_object (&self->member);
  g_clear_object (&self->state);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_MEMBER_CARD);

  G_OBJECT_CLASS (raad_member_card_parent_class)->dispose (object);
}

static void
raad_member_card_finalize (GObject *object)
{
  RaadMemberCard *self = RAAD_MEMBER_CARD (object);

  g_free (self->section_council_id);
  g_free (self->label);
  g_free (self->photo_digest);
  g_strfreev (self->shown_areas);

  G_OBJECT_CLASS (raad_member_card_parent_class)->finalize (object);
}

static void
raad_member_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RaadMemberCard *self = RAAD_MEMBER_CARD (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      g_value_set_object (value, self->member);
      break;
    case PROP_SECTION_COUNCIL_ID:
      g_value_set_string (value, self->section_council_id);
      break;
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_member_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RaadMemberCard *self = RAAD_MEMBER_CARD (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      self->member = g_value_dup_object (value);
      break;
    case PROP_SECTION_COUNCIL_ID:
      self->section_council_id = g_value_dup_string (value);
      break;
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* GTK 4.8 shows a widget's own class actions over AT-SPI, not the flow box child's
 * activation: this one lets a screen reader open the member like Enter does. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_activate (widget);
}

static void
raad_member_card_class_init (RaadMemberCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = raad_member_card_constructed;
  object_class->dispose = raad_member_card_dispose;
  object_class->finalize = raad_member_card_finalize;
  object_class->get_property = raad_member_card_get_property;
  object_class->set_property = raad_member_card_set_property;

  widget_class->map = raad_member_card_map;

  properties[PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL, RAAD_TYPE_MEMBER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION_COUNCIL_ID] =
    g_param_spec_string ("section-council-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, RAAD_TYPE_FACEBOOK_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAAD_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/facebook/raad-member-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadMemberCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberCard, role_label);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberCard, council_label);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberCard, badges);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberCard, linking_pin_badge);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberCard, term_badge);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberCard, areas_box);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberCard, email_label);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberCard, phone_label);

  gtk_widget_class_install_action (widget_class, "card.open", NULL, open_action);
}

static void
raad_member_card_init (RaadMemberCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
raad_member_card_new (RaadMember        *member,
                      const char        *section_council_id,
                      RaadFacebookState *state)
{
  g_return_val_if_fail (RAAD_IS_MEMBER (member), NULL);

  return g_object_new (RAAD_TYPE_MEMBER_CARD,
                       "member", member,
                       "section-council-id", section_council_id,
                       "state", state,
                       NULL);
}

RaadMember *
raad_member_card_get_member (RaadMemberCard *self)
{
  g_return_val_if_fail (RAAD_IS_MEMBER_CARD (self), NULL);

  return self->member;
}

const char *
raad_member_card_get_section_council_id (RaadMemberCard *self)
{
  g_return_val_if_fail (RAAD_IS_MEMBER_CARD (self), NULL);

  return self->section_council_id;
}

gboolean
raad_member_card_get_linking_pin (RaadMemberCard *self)
{
  g_return_val_if_fail (RAAD_IS_MEMBER_CARD (self), FALSE);

  return is_linking_pin (self);
}

const char *
raad_member_card_get_label (RaadMemberCard *self)
{
  g_return_val_if_fail (RAAD_IS_MEMBER_CARD (self), NULL);

  return self->label;
}
