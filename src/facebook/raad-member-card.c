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

/* A card is the face-book's unit of cost: a search shows thousands, a screen shows a dozen.
 * So it is built in C rather than from a template (GtkBuilder took two thirds of a card's
 * 1.5 ms), the parts most members lack (badges, e-mail, phone) are made only when a member
 * has them, tooltips are answered on demand (setting tooltip text asks the X server where the
 * pointer is, once per widget), and a card can be given another member, so that the
 * sections reuse cards between keystrokes instead of building new ones. Its width is fixed
 * (the flow box would otherwise lay out every label unwrapped to find natural widths); its
 * height follows the content at that width. */

#define AVATAR_SIZE 96
/* The width of the content, without the card's padding (style.css). */
#define CONTENT_WIDTH 200

/* The card's name, role and council: one widget that lays them out and draws them with
 * PangoLayouts it keeps, wrapped at the card's fixed width and centred. Three wrapping
 * GtkLabels cost most of a card: each measured its width by laying its text out at no width
 * and at full width, and again for every height asked, shaping the text anew each time;
 * these layouts are shaped once per text and font, and measuring and drawing share them.
 * The card's accessible name carries the same text. */

typedef enum
{
  TEXT_NAME,
  TEXT_ROLE,
  TEXT_COUNCIL,
  N_TEXTS
} TextPart;

static const struct
{
  PangoWeight weight;
  double      scale;   /* of the card's font (style.css: .member-name, .caption) */
  double      alpha;   /* .dim-label */
} text_styles[N_TEXTS] = {
  { PANGO_WEIGHT_BOLD, 1.08, 1.0 },
  { PANGO_WEIGHT_NORMAL, 1.0, 1.0 },
  { PANGO_WEIGHT_NORMAL, 0.82, 0.55 },
};

#define TEXT_SPACING 4   /* between the parts, as the card's box spaces its rows */

#define RAAD_TYPE_CARD_TEXT (raad_card_text_get_type ())
G_DECLARE_FINAL_TYPE (RaadCardText, raad_card_text, RAAD, CARD_TEXT, GtkWidget)

struct _RaadCardText
{
  GtkWidget    parent_instance;

  char        *texts[N_TEXTS];     /* NULL or empty: not shown */
  PangoLayout *layouts[N_TEXTS];   /* made when first needed */
  guint        serial;             /* of the Pango context the layouts were made for */
  int          width;              /* they wrap at, in pixels */
};

G_DEFINE_FINAL_TYPE (RaadCardText, raad_card_text, GTK_TYPE_WIDGET)

static gboolean
card_text_shows (RaadCardText *self,
                 TextPart      part)
{
  return self->texts[part] != NULL && *self->texts[part] != '\0';
}

/* The layout of @part wrapping at @width; NULL when the part is not shown. A new font (a
 * font setting, the text scale) makes every layout again. */
static PangoLayout *
card_text_get_layout (RaadCardText *self,
                      TextPart      part,
                      int           width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);

  if (serial != self->serial)
    {
      for (guint i = 0; i < N_TEXTS; i++)
        g_clear_object (&self->layouts[i]);
      self->serial = serial;
    }
  if (!card_text_shows (self, part))
    return NULL;
  if (self->layouts[part] == NULL)
    {
      PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));
      PangoLayout *layout = pango_layout_new (context);
      int size = pango_font_description_get_size (font);

      pango_font_description_set_weight (font, text_styles[part].weight);
      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size * text_styles[part].scale);
      else
        pango_font_description_set_size (font, (int) (size * text_styles[part].scale));
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_text (layout, self->texts[part], -1);
      self->layouts[part] = layout;
    }
  /* Pango keeps the lines when the width stays. */
  pango_layout_set_width (self->layouts[part], MAX (width, 1) * PANGO_SCALE);
  return self->layouts[part];
}

static void
raad_card_text_set (RaadCardText *self,
                    TextPart      part,
                    const char   *text)
{
  if (g_strcmp0 (self->texts[part], text) == 0)
    return;
  g_free (self->texts[part]);
  self->texts[part] = g_strdup (text);
  g_clear_object (&self->layouts[part]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static GtkSizeRequestMode
raad_card_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
raad_card_text_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  RaadCardText *self = RAAD_CARD_TEXT (widget);
  int total = 0;
  guint shown = 0;

  /* As wide as the card lets it be (the card's width is fixed); as tall as the text is
   * at that width. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = CONTENT_WIDTH;
      return;
    }
  for (TextPart part = 0; part < N_TEXTS; part++)
    {
      PangoLayout *layout = card_text_get_layout (self, part, for_size >= 0 ? for_size : CONTENT_WIDTH);
      int height;

      if (layout == NULL)
        continue;
      pango_layout_get_pixel_size (layout, NULL, &height);
      total += height;
      shown++;
    }
  *minimum = *natural = total + TEXT_SPACING * (shown > 0 ? shown - 1 : 0);
}

static void
raad_card_text_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  RaadCardText *self = RAAD_CARD_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA colour;
  int y = 0;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  for (TextPart part = 0; part < N_TEXTS; part++)
    {
      PangoLayout *layout = card_text_get_layout (self, part, width);
      GdkRGBA shade = colour;
      int height;

      if (layout == NULL)
        continue;
      shade.alpha *= text_styles[part].alpha;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
      gtk_snapshot_append_layout (snapshot, layout, &shade);
      gtk_snapshot_restore (snapshot);
      pango_layout_get_pixel_size (layout, NULL, &height);
      y += height + TEXT_SPACING;
    }
}

static void
raad_card_text_finalize (GObject *object)
{
  RaadCardText *self = RAAD_CARD_TEXT (object);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_free (self->texts[i]);
      g_clear_object (&self->layouts[i]);
    }
  G_OBJECT_CLASS (raad_card_text_parent_class)->finalize (object);
}

static void
raad_card_text_class_init (RaadCardTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = raad_card_text_finalize;
  widget_class->get_request_mode = raad_card_text_get_request_mode;
  widget_class->measure = raad_card_text_measure;
  widget_class->snapshot = raad_card_text_snapshot;
  gtk_widget_class_set_css_name (widget_class, "cardtext");
  /* The card's accessible name says it all; the parts are not read out again. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
raad_card_text_init (RaadCardText *self)
{
}

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
  char              *term_tooltip;

  GtkWidget         *box;
  AdwAvatar         *avatar;
  RaadCardText      *text;               /* name, role, council */
  GtkWidget         *badges;             /* made when first needed */
  GtkWidget         *linking_pin_badge;
  GtkWidget         *term_badge;
  RaadWrapBox       *areas_box;
  GtkLabel          *email_label;        /* made when first needed */
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
  return self->member != NULL && self->section_council_id != NULL
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

static GtkLabel *
new_label (const char *css_class,
           ...)
{
  GtkWidget *label = gtk_label_new (NULL);
  va_list args;

  va_start (args, css_class);
  for (const char *c = css_class; c != NULL; c = va_arg (args, const char *))
    gtk_widget_add_css_class (label, c);
  va_end (args);
  return GTK_LABEL (label);
}

static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  if (label == NULL)
    return;
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

static gboolean
badge_query_tooltip_cb (GtkWidget      *badge,
                        int             x,
                        int             y,
                        gboolean        keyboard,
                        GtkTooltip     *tooltip,
                        RaadMemberCard *self)
{
  if (badge == self->linking_pin_badge)
    gtk_tooltip_set_text (tooltip, _("Also sits in or keeps in touch with this council"));
  else if (self->term_tooltip != NULL)
    gtk_tooltip_set_text (tooltip, self->term_tooltip);
  else
    return FALSE;
  return TRUE;
}

static GtkWidget *
new_badge (RaadMemberCard *self,
           const char     *text,
           const char     *css_class)
{
  GtkWidget *badge = GTK_WIDGET (new_label ("badge", css_class, NULL));

  gtk_label_set_label (GTK_LABEL (badge), text);
  gtk_widget_set_has_tooltip (badge, TRUE);
  g_signal_connect (badge, "query-tooltip", G_CALLBACK (badge_query_tooltip_cb), self);
  raad_wrap_box_append (RAAD_WRAP_BOX (self->badges), badge);
  return badge;
}

/* Badges are rare: the box and its two pills are made for the first member with one. */
static void
update_badges (RaadMemberCard *self,
               gboolean        linking_pin,
               gboolean        term_soon)
{
  if (self->badges == NULL)
    {
      if (!linking_pin && !term_soon)
        return;
      self->badges = raad_wrap_box_new ();
      raad_wrap_box_set_centered (RAAD_WRAP_BOX (self->badges), TRUE);
      raad_wrap_box_set_spacing (RAAD_WRAP_BOX (self->badges), 4);
      raad_wrap_box_set_line_spacing (RAAD_WRAP_BOX (self->badges), 4);
      gtk_widget_set_margin_top (self->badges, 2);
      self->linking_pin_badge = new_badge (self, _("Linking pin"), "linking-pin");
      self->term_badge = new_badge (self, _("Term ends soon"), "term-ends");
      gtk_box_insert_child_after (GTK_BOX (self->box), self->badges, GTK_WIDGET (self->text));
    }
  gtk_widget_set_visible (self->linking_pin_badge, linking_pin);
  gtk_widget_set_visible (self->term_badge, term_soon);
  gtk_widget_set_visible (self->badges, linking_pin || term_soon);
}

/* E-mail and phone show only where the settings and the member allow it. */
static void
update_contact (RaadMemberCard *self)
{
  const char *email = NULL, *phone = NULL;

  if (contact_visible (self, raad_member_get_email_visibility (self->member)))
    email = raad_member_get_email (self->member);
  if (contact_visible (self, raad_member_get_phone_visibility (self->member)))
    phone = raad_member_get_phone (self->member);

  if (self->email_label == NULL && ((email != NULL && *email) || (phone != NULL && *phone)))
    {
      self->email_label = new_label ("caption", NULL);
      gtk_label_set_ellipsize (self->email_label, PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (self->email_label, 24);
      gtk_widget_set_margin_top (GTK_WIDGET (self->email_label), 4);
      gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->email_label));
      self->phone_label = new_label ("caption", NULL);
      gtk_label_set_ellipsize (self->phone_label, PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (self->phone_label, 24);
      gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->phone_label));
    }
  set_label_text (self->email_label, email);
  set_label_text (self->phone_label, phone);
}

static void
photo_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(RaadMemberCard) self = g_weak_ref_get (weak);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);
  texture = raad_photo_cache_load_finish (RAAD_PHOTO_CACHE (object), result, &error);
  /* The card went meanwhile (a request must not keep it alive: scrolling asks for many). */
  if (self == NULL)
    return;
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
cancel_photo (RaadMemberCard *self)
{
  g_cancellable_cancel (self->photo_cancellable);
  g_clear_object (&self->photo_cancellable);
}

static void
update_photo (RaadMemberCard *self)
{
  RaadPhotoCache *cache = raad_photo_cache_get_default ();
  const char *digest;
  int size;
  GdkTexture *texture;
  GWeakRef *weak;

  digest = raad_record_get_attachment_digest (RAAD_RECORD (self->member), RAAD_MEMBER_PHOTO);
  if (g_strcmp0 (digest, self->photo_digest) == 0)
    return;

  cancel_photo (self);
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
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  raad_photo_cache_load_async (cache, RAAD_RECORD (self->member), RAAD_MEMBER_PHOTO, size,
                               self->photo_cancellable, photo_loaded_cb, weak);
}

/* Pills are reused: a new member changes their text, adds or hides the difference. */
static void
update_areas (RaadMemberCard *self)
{
  const char * const *areas = raad_member_get_attention_areas (self->member);
  GtkWidget *pill = gtk_widget_get_first_child (GTK_WIDGET (self->areas_box));

  if (strv_equal0 ((const char * const *) self->shown_areas, areas))
    return;
  g_strfreev (self->shown_areas);
  self->shown_areas = g_strdupv ((char **) areas);

  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    {
      if (pill == NULL)
        {
          pill = GTK_WIDGET (new_label ("area-pill", NULL));
          gtk_label_set_ellipsize (GTK_LABEL (pill), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (pill), 24);
          raad_wrap_box_append (self->areas_box, pill);
        }
      gtk_label_set_label (GTK_LABEL (pill), areas[i]);
      gtk_widget_set_visible (pill, TRUE);
      pill = gtk_widget_get_next_sibling (pill);
    }
  for (; pill != NULL; pill = gtk_widget_get_next_sibling (pill))
    gtk_widget_set_visible (pill, FALSE);
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
  raad_card_text_set (self->text, TEXT_NAME, name);
  raad_card_text_set (self->text, TEXT_ROLE, role_label);
  raad_card_text_set (self->text, TEXT_COUNCIL, council_name);

  g_clear_pointer (&self->term_tooltip, g_free);
  if (self->state != NULL)
    {
      g_autoptr(GDate) today = g_date_new ();
      guint months = raad_facebook_state_get_term_warning_months (self->state);

      g_date_set_time_t (today, time (NULL));
      term_soon = raad_member_term_ends_soon (self->member, today, months);
    }
  if (term_soon)
    {
      g_autofree char *date = format_date (raad_member_get_term_end (self->member));

      self->term_tooltip = g_strdup_printf (_("The term ends on %s"), date);
    }
  update_badges (self, linking_pin, term_soon);
  update_contact (self);
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

static void
build (RaadMemberCard *self)
{
  GtkWidget *avatar;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_valign (self->box, GTK_ALIGN_START);

  avatar = adw_avatar_new (AVATAR_SIZE, NULL, TRUE);
  gtk_widget_set_halign (avatar, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_bottom (avatar, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (avatar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Photo"),
                                  -1);
  self->avatar = ADW_AVATAR (avatar);
  gtk_box_append (GTK_BOX (self->box), avatar);

  self->text = g_object_new (RAAD_TYPE_CARD_TEXT, NULL);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->text));

  self->areas_box = RAAD_WRAP_BOX (raad_wrap_box_new ());
  raad_wrap_box_set_centered (self->areas_box, TRUE);
  raad_wrap_box_set_spacing (self->areas_box, 4);
  raad_wrap_box_set_line_spacing (self->areas_box, 4);
  g_object_set (self->areas_box, "max-natural-width", 190, NULL);
  gtk_widget_set_margin_top (GTK_WIDGET (self->areas_box), 4);
  gtk_widget_set_visible (GTK_WIDGET (self->areas_box), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->areas_box));

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (self), self->box);
}

/* GtkWidget */

static void
raad_member_card_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (raad_member_card_parent_class)->map (widget);

  /* Photos are decoded for cards that show, not for every member of a section. */
  update_photo (RAAD_MEMBER_CARD (widget));
}

static void
raad_member_card_unmap (GtkWidget *widget)
{
  RaadMemberCard *self = RAAD_MEMBER_CARD (widget);

  /* A photo still loading is not needed now; it is asked for again when the card shows. */
  if (self->photo_cancellable != NULL)
    {
      cancel_photo (self);
      g_clear_pointer (&self->photo_digest, g_free);
    }
  GTK_WIDGET_CLASS (raad_member_card_parent_class)->unmap (widget);
}

static void
raad_member_card_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  RaadMemberCard *self = RAAD_MEMBER_CARD (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = CONTENT_WIDTH;
      return;
    }
  gtk_widget_measure (self->box, orientation, MAX (for_size, CONTENT_WIDTH), minimum, natural,
                      NULL, NULL);
}

static void
raad_member_card_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  RaadMemberCard *self = RAAD_MEMBER_CARD (widget);

  gtk_widget_allocate (self->box, width, height, -1, NULL);
}

static GtkSizeRequestMode
raad_member_card_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* GObject */

static void
raad_member_card_dispose (GObject *object)
{
  RaadMemberCard *self = RAAD_MEMBER_CARD (object);

  cancel_photo (self);
  if (self->council != NULL)
    g_signal_handlers_disconnect_by_func (self->council, council_notify_cb, self);
  g_clear_object (&self->council);
  if (self->member != NULL)
    g_signal_handlers_disconnect_by_func (self->member, member_notify_cb, self);
  g_clear_object (&self->member);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_func (self->state, member_notify_cb, self);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (raad_member_card_parent_class)->dispose (object);
}

static void
raad_member_card_finalize (GObject *object)
{
  RaadMemberCard *self = RAAD_MEMBER_CARD (object);

  g_free (self->section_council_id);
  g_free (self->label);
  g_free (self->photo_digest);
  g_free (self->term_tooltip);
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
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      if (self->state != NULL)
        {
          g_signal_connect_swapped (self->state, "notify::term-warning-months",
                                    G_CALLBACK (member_notify_cb), self);
          g_signal_connect_swapped (self->state, "notify::show-contact-details",
                                    G_CALLBACK (member_notify_cb), self);
          g_signal_connect_swapped (self->state, "notify::current-council-id",
                                    G_CALLBACK (member_notify_cb), self);
        }
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

  object_class->dispose = raad_member_card_dispose;
  object_class->finalize = raad_member_card_finalize;
  object_class->get_property = raad_member_card_get_property;
  object_class->set_property = raad_member_card_set_property;

  widget_class->map = raad_member_card_map;
  widget_class->unmap = raad_member_card_unmap;
  widget_class->measure = raad_member_card_measure;
  widget_class->size_allocate = raad_member_card_size_allocate;
  widget_class->get_request_mode = raad_member_card_get_request_mode;

  properties[PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL, RAAD_TYPE_MEMBER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION_COUNCIL_ID] =
    g_param_spec_string ("section-council-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, RAAD_TYPE_FACEBOOK_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "card.open", NULL, open_action);
}

static void
raad_member_card_init (RaadMemberCard *self)
{
  /* The card measures and allocates its box itself, at a fixed width. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "activatable");
  gtk_widget_add_css_class (GTK_WIDGET (self), "member-card");
  build (self);
}

GtkWidget *
raad_member_card_new (RaadMember        *member,
                      const char        *section_council_id,
                      RaadFacebookState *state)
{
  RaadMemberCard *self;

  g_return_val_if_fail (RAAD_IS_MEMBER (member), NULL);

  self = g_object_new (RAAD_TYPE_MEMBER_CARD, "state", state, NULL);
  raad_member_card_set_member (self, member, section_council_id);
  return GTK_WIDGET (self);
}

void
raad_member_card_set_member (RaadMemberCard *self,
                             RaadMember     *member,
                             const char     *section_council_id)
{
  gboolean member_changed, section_changed;

  g_return_if_fail (RAAD_IS_MEMBER_CARD (self));
  g_return_if_fail (RAAD_IS_MEMBER (member));

  member_changed = self->member != member;
  section_changed = g_strcmp0 (self->section_council_id, section_council_id) != 0;
  if (!member_changed && !section_changed)
    return;

  if (member_changed)
    {
      if (self->member != NULL)
        g_signal_handlers_disconnect_by_func (self->member, member_notify_cb, self);
      g_set_object (&self->member, member);
      g_signal_connect_swapped (self->member, "notify", G_CALLBACK (member_notify_cb), self);
    }
  if (section_changed)
    {
      g_free (self->section_council_id);
      self->section_council_id = g_strdup (section_council_id);
    }
  update (self);
  if (member_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER]);
  if (section_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION_COUNCIL_ID]);
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
