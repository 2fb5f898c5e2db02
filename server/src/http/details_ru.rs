//! The Russian words of the reasons (`detail`) the server gives with a refusal: the app shows
//! them beside the form that was refused, so a Russian reader reads them in Russian. A reason
//! not in the table stays in English.

/// The Russian for an English `detail`, when the table has it.
pub fn russian(detail: &str) -> Option<String> {
    if let Some(rest) = detail.strip_prefix("A gallery holds at most ")
        && let Some(count) = rest.strip_suffix(" photos.")
    {
        return Some(format!("В галерее не больше {count} фотографий."));
    }
    if let Some(rest) = detail.strip_prefix("This content is available to members of ")
        && let Some(group) = rest.strip_suffix('.')
    {
        return Some(format!("Это доступно участникам группы «{group}»."));
    }
    if let Some(rest) = detail.strip_prefix("All ")
        && let Some(count) =
            rest.strip_suffix(" of your votes are in use. Take one back, or wait until an idea you voted for closes.")
    {
        return Some(format!(
            "Все ваши голоса ({count}) отданы. Заберите один или дождитесь, когда идея с вашим голосом будет закрыта."
        ));
    }
    let russian = match detail {
        "A merged idea keeps its status; change the idea it was merged into." => {
            "У объединённой идеи свой статус не меняется: измените идею, с которой её объединили."
        }
        "Kudos are for other members' posts." => "Благодарить можно только за чужие сообщения.",
        "Members cannot follow themselves." => "Нельзя подписаться на самого себя.",
        "Only an open ballot can be closed." => "Закрыть можно только открытое голосование.",
        "Only moderators and staff can do this." => "Это могут только модераторы и команда сообщества.",
        "Only moderators can pin or lock threads." => "Закреплять и закрывать обсуждения могут только модераторы.",
        "Only staff can assign community roles." => "Роли в сообществе назначает только команда сообщества.",
        "Only staff can change the charter." => "Правила сообщества меняет только команда сообщества.",
        "Only staff can create groups." => "Группы создаёт только команда сообщества.",
        "Only staff can do this." => "Это может только команда сообщества.",
        "Only staff can manage events." => "Событиями управляет только команда сообщества.",
        "Only staff can manage surveys." => "Опросами управляет только команда сообщества.",
        "Only staff can see the KPIs." => "Показатели видит только команда сообщества.",
        "Only staff link knowledge-base articles from threads." => {
            "Связывать обсуждения со статьями базы знаний может только команда сообщества."
        }
        "Only staff start threads in the news; reply to an announcement instead." => {
            "Обсуждения в новостях начинает только команда сообщества; ответьте на объявление."
        }
        "Only the author or a moderator can delete this reply." => "Удалить ответ может только автор или модератор.",
        "Only the author or a moderator can delete this thread." => {
            "Удалить обсуждение может только автор или модератор."
        }
        "Only the author or a moderator can edit this reply." => "Изменить ответ может только автор или модератор.",
        "Only the author or a moderator can edit this thread." => {
            "Изменить обсуждение может только автор или модератор."
        }
        "Only the author or staff can edit an idea." => "Изменить идею может только автор или команда сообщества.",
        "Only the group's admins and staff can do this." => {
            "Это могут только администраторы группы и команда сообщества."
        }
        "Only the group's members can take part here; join the group first." => {
            "Участвовать здесь могут только участники группы: сначала вступите в неё."
        }
        "Only the owner can change a photo." => "Изменить фотографию может только её владелец.",
        "Only the thread's author or a moderator can accept an answer." => {
            "Отметить решение может только автор обсуждения или модератор."
        }
        "Only the thread's author or a moderator can change the accepted answer." => {
            "Изменить решение может только автор обсуждения или модератор."
        }
        "Someone changed the article after you started editing. Reload it and make your change again." => {
            "Статью изменили, пока вы её редактировали. Обновите страницу и внесите изменения заново."
        }
        "Someone changed the charter after you started editing. Reload it and make your change again." => {
            "Правила изменили, пока вы их редактировали. Обновите страницу и внесите изменения заново."
        }
        "The group needs an admin: make another member admin first." => {
            "Группе нужен администратор: сначала назначьте администратором другого участника."
        }
        "The section still has articles: move or delete them first." => {
            "В разделе ещё есть статьи: сначала перенесите или удалите их."
        }
        "This address is already confirmed." => "Этот адрес уже подтверждён.",
        "This answer id belongs to another survey." => "Этот ответ относится к другому опросу.",
        "This ballot is not open." => "Это голосование сейчас не открыто.",
        "This date has passed." => "Эта дата уже прошла.",
        "This event was cancelled." => "Это событие отменено.",
        "This idea is already merged." => "Эта идея уже объединена с другой.",
        "This post can no longer receive kudos." => "За это сообщение больше нельзя поблагодарить.",
        "This reply can no longer receive kudos." => "За этот ответ больше нельзя поблагодарить.",
        "This site is not among the survey's allowed origins." => "Этого сайта нет среди разрешённых для опроса.",
        "This survey takes no answers now." => "Этот опрос сейчас не принимает ответы.",
        "Voting on this idea has ended (it was implemented, declined or merged)." => {
            "Голосование по этой идее завершено (она реализована, отклонена или объединена с другой)."
        }
        "This is already hidden." => "Это уже скрыто.",
        "This is not hidden." => "Это не скрыто.",
        "There are no open reports on this." => "Открытых жалоб на это нет.",
        "A moderator locked this thread; it takes no new replies." => {
            "Модератор закрыл обсуждение: новые ответы не принимаются."
        }
        "Ask for a new link: it is mailed again." => "Запросите новую ссылку — она придёт по почте.",
        "Each link works once. Ask for a new one if you still need it." => {
            "Каждая ссылка работает один раз. Запросите новую, если она ещё нужна."
        }
        "Copy the whole link from the mail, or ask for a new one." => {
            "Скопируйте ссылку из письма целиком или запросите новую."
        }
        _ => return None,
    };
    Some(russian.to_owned())
}

#[cfg(test)]
mod tests {
    use super::russian;

    #[test]
    fn known_reasons_have_russian_words_and_the_rest_stays_as_it_was() {
        assert_eq!(
            russian("Only staff start threads in the news; reply to an announcement instead.").as_deref(),
            Some("Обсуждения в новостях начинает только команда сообщества; ответьте на объявление.")
        );
        assert_eq!(
            russian("A gallery holds at most 12 photos.").as_deref(),
            Some("В галерее не больше 12 фотографий.")
        );
        assert_eq!(russian("Something new."), None);
    }
}
