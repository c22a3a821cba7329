"""/journal, its list, and the Delete buttons."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.journal import service, views
from bot.features.journal.buttons import Delete, Page
from bot.kernel.context import MendContext
from bot.kernel.handlers import edit, pressed, reply, text_after_command, user_of


async def journal(update: Update, context: MendContext) -> None:
    """/journal <text> saves an entry; /journal alone asks for it; /journal list lists them
    (/journal list 6: the page with entry 6)."""
    args = text_after_command(update)
    user_id = user_of(update)[0]
    words = args.split()
    if words and words[0].lower() == "list" and len(words) <= 2:
        wanted = words[1] if len(words) == 2 else None
        listed = await service.listing_from(context.mend, user_id, wanted)
        await reply(update, context, views.listing(listed))
    elif not args.strip():
        await service.start(context.mend, user_id)
        await reply(update, context, views.write_now())
    else:
        await service.save(context.mend, user_id, args)
        await reply(update, context, views.saved())


async def delete(update: Update, context: MendContext) -> None:
    """Delete <n>: "Deleted.", and the list again."""
    button = await pressed(update, Delete)
    result = await service.delete(context.mend, user_of(update)[0], button.entry_id, button.offset)
    await edit(update, context, views.deleted(result))


async def page(update: Update, context: MendContext) -> None:
    """« Newer / Older »: another page of the journal."""
    button = await pressed(update, Page)
    result = await service.listing(context.mend, user_of(update)[0], button.offset)
    await edit(update, context, views.listing(result))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("journal", journal),
    CallbackQueryHandler(delete, pattern=Delete.pattern()),
    CallbackQueryHandler(page, pattern=Page.pattern()),
]
